/**
 * JSON values sealed with XChaCha20-Poly1305: the one encoding of the manifest, the audit log and items,
 * so each of them only names its context and its schema.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { Key } from '../../crypto/keys';
import { openSealed } from '../../crypto/open-sealed';
import { seal } from '../../crypto/seal';
import type { Sealed } from '../../crypto/sealed';
import { wipe } from '../../crypto/wipe';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Seals `JSON.stringify(value)` as UTF-8; 16 bytes of tag plus the JSON's length. */
export function sealJson(key: Key<string>, value: unknown, context: CipherContext): Sealed {
  return seal(key, utf8ToBytes(JSON.stringify(value)), context);
}

/**
 * Opens a sealed JSON value and validates it; the plaintext bytes are wiped (best effort) afterwards.
 * @throws DecryptError when it does not authenticate; SyntaxError, TypeError or ZodError when the
 *   authenticated plaintext is not valid UTF-8 JSON of the expected shape
 */
export function openJson<T>(key: Key<string>, sealed: unknown, context: CipherContext, schema: z.ZodType<T>): T {
  const plaintext = openSealed(key, sealed, context);
  try {
    return schema.parse(JSON.parse(decoder.decode(plaintext)));
  } finally {
    wipe(plaintext);
  }
}
