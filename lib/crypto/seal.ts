/** XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03) encryption into a versioned, context-bound object. */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { encodeAssociatedData, type CipherContext } from './associated-data';
import type { Key } from './keys';
import { randomBytes } from './random-bytes';
import { NONCE_LENGTH, SEALED_ALG, type Sealed } from './sealed';

/**
 * Encrypts `plaintext` under a 32-byte key with a fresh random 24-byte nonce.
 * @param key - any 32-byte symmetric key
 * @param plaintext - bytes to protect; output is 16 bytes longer
 * @param context - purpose, record id and field set, bound as associated data
 * @example const s = seal(itemKey, utf8ToBytes(json), { purpose: 'item', recordId: id, fields: 'login' });
 */
export function seal(key: Key<string>, plaintext: Uint8Array, context: CipherContext): Sealed {
  const nonce = randomBytes(NONCE_LENGTH);
  const ct = xchacha20poly1305(key, nonce, encodeAssociatedData(context)).encrypt(plaintext);
  return { v: 1, alg: SEALED_ALG, nonce, ct };
}
