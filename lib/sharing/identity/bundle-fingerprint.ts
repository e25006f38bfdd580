/**
 * The fingerprint of everything a contact pins: the X25519 and Ed25519 keys, and the X-Wing key when the
 * bundle has one (v2). Verifying a contact names this (a number compared before any of the three keys
 * changed cannot verify the new ones, T01); an envelope's recipient fingerprint is this, so the signed
 * header says whether the sender had the recipient's X-Wing key pinned (T27). For a v1 identity it equals
 * keyFingerprint, so what was compared before bundle v2 still matches.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import type { PublicIdentity } from './identity';
import { keyFingerprint } from './key-fingerprint';

/**
 * `SHA-256(lp("sealpass/v2/key-fingerprint") ‖ lp(encryptionKey) ‖ lp(signingKey) ‖ lp(xwingKey))`, or
 * keyFingerprint without an X-Wing key.
 * @param keys - the 32-byte X25519 and Ed25519 keys and the optional 1,216-byte X-Wing key
 * @returns 32 bytes
 */
export function bundleFingerprint(keys: Pick<PublicIdentity, 'encryptionKey' | 'signingKey' | 'xwingKey'>): Uint8Array {
  if (!keys.xwingKey) return keyFingerprint(keys);
  return sha256(encodeLengthPrefixed(['sealpass/v2/key-fingerprint', keys.encryptionKey, keys.signingKey, keys.xwingKey]));
}
