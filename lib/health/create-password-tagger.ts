/**
 * Keyed tags for comparing passwords in memory during one analysis: HMAC-SHA256 (RFC 2104) under a random
 * 32-byte key made here and wiped by `dispose`, so a tag means nothing outside the analysis and is never stored.
 * The key's inner and outer pad states are computed once and cloned per password, which halves the cost of
 * a plain HMAC call (two SHA-256 compressions instead of four for a short password).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { generateKey } from '../crypto/generate-key';
import type { Key } from '../crypto/keys';
import { wipe } from '../crypto/wipe';

/** Tags passwords under one random key. */
export interface PasswordTagger {
  /** 64 hex characters; equal for equal passwords within this tagger only. */
  tag(password: string): string;
  /** Wipes the key and the pad states (best effort, see lib/crypto/wipe). */
  dispose(): void;
}

/**
 * @returns a tagger with a fresh random key
 * @example const tagger = createPasswordTagger(); try { tagger.tag(a) === tagger.tag(b) } finally { tagger.dispose() }
 */
export function createPasswordTagger(): PasswordTagger {
  const key = generateKey<Key<'PasswordTagKey'>>();
  const keyed = hmac.create(sha256, key);
  wipe(key);
  return {
    tag: (password) => bytesToHex(keyed.clone().update(utf8ToBytes(password)).digest()),
    dispose: () => keyed.destroy(),
  };
}
