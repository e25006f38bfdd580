/** ContextS.Seal of RFC 9180 §5.2: ChaCha20Poly1305 encryption at the context's next sequence number. */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { computeNonce } from './compute-nonce';
import { MAX_SEQ, type HpkeContext } from './context';

/**
 * Encrypts one message and moves the context to the next sequence number.
 * @param context - a sender context (from setupBaseS)
 * @param aad - associated data, authenticated but not encrypted; any length
 * @param plaintext - any length; the ciphertext is 16 bytes longer
 * @throws TypeError for a recipient context; RangeError when the sequence numbers are used up
 */
export function contextSeal(context: HpkeContext, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  if (context.role !== 'sender') throw new TypeError('contextSeal: not a sender context');
  // RFC 9180 §5.2 MessageLimitReachedError: a nonce must never repeat under one key.
  if (context.seq >= MAX_SEQ) throw new RangeError('contextSeal: message limit reached');
  const ct = chacha20poly1305(context.key, computeNonce(context.baseNonce, context.seq), aad).encrypt(plaintext);
  context.seq += 1;
  return ct;
}
