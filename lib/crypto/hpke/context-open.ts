/** ContextR.Open of RFC 9180 §5.2: ChaCha20Poly1305 decryption at the context's next sequence number. */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { DecryptError } from '../sealed';
import { computeNonce } from './compute-nonce';
import { MAX_SEQ, type HpkeContext } from './context';
import { N_T } from './suite';

/**
 * Decrypts and authenticates one message; the sequence number moves only when it opens (RFC 9180 §5.2).
 * @param context - a recipient context (from setupBaseR)
 * @param aad - must equal the sender's associated data
 * @param ciphertext - ciphertext ‖ 16-byte tag
 * @returns the plaintext, 16 bytes shorter than `ciphertext`
 * @throws TypeError for a sender context; DecryptError for any failure to authenticate
 */
export function contextOpen(context: HpkeContext, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  if (context.role !== 'recipient') throw new TypeError('contextOpen: not a recipient context');
  if (context.seq >= MAX_SEQ || !(ciphertext instanceof Uint8Array) || ciphertext.length < N_T) throw new DecryptError();
  let plaintext: Uint8Array;
  try {
    plaintext = chacha20poly1305(context.key, computeNonce(context.baseNonce, context.seq), aad).decrypt(ciphertext);
  } catch {
    throw new DecryptError();
  }
  context.seq += 1;
  return plaintext;
}
