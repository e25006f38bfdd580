/** Decryption of a versioned XChaCha20-Poly1305 object; every failure is the same DecryptError. */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { encodeAssociatedData, FORMAT_VERSION, type CipherContext } from './associated-data';
import type { Key } from './keys';
import { DecryptError, NONCE_LENGTH, SEALED_ALG, TAG_LENGTH, type Sealed } from './sealed';

/**
 * Decrypts and authenticates `sealed` for the given context.
 * @param key - the 32-byte key it was sealed under
 * @param sealed - untrusted input; its shape is checked here
 * @param context - must equal the context used to seal
 * @returns the plaintext (16 bytes shorter than `ct`)
 * @throws DecryptError on any mismatch, tampering or malformed input
 */
export function openSealed(key: Key<string>, sealed: Sealed | unknown, context: CipherContext): Uint8Array {
  const s = sealed as Partial<Sealed> | null;
  if (
    typeof s !== 'object' || s === null ||
    s.v !== FORMAT_VERSION || s.alg !== SEALED_ALG ||
    !(s.nonce instanceof Uint8Array) || s.nonce.length !== NONCE_LENGTH ||
    !(s.ct instanceof Uint8Array) || s.ct.length < TAG_LENGTH
  ) {
    throw new DecryptError();
  }
  try {
    return xchacha20poly1305(key, s.nonce, encodeAssociatedData(context, s.v)).decrypt(s.ct);
  } catch {
    throw new DecryptError();
  }
}
