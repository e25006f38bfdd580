/** Single-shot SealBase of RFC 9180 §6.1: encapsulate to a public key and encrypt one message. */
import { wipe } from '../wipe';
import { contextSeal } from './context-seal';
import type { HpkeKeyPair } from './key-pair';
import { setupBaseS } from './setup-base-s';

/** `enc` and the ciphertext of a single-shot seal. */
export interface HpkeSealed {
  /** The sender's ephemeral public key, 32 bytes. */
  enc: Uint8Array;
  /** Ciphertext ‖ 16-byte tag. */
  ct: Uint8Array;
}

/**
 * Seals `plaintext` to `pkR` with a fresh ephemeral key (mode_base, sequence number 0).
 * @param pkR - the recipient's 32-byte X25519 public key
 * @param info - application context bound into the keys
 * @param aad - associated data bound to the ciphertext
 * @param plaintext - any length; `ct` is 16 bytes longer
 * @param ephemeral - only for known-answer tests; by default a fresh key pair
 * @throws RangeError or Error for a malformed or low-order recipient key
 * @example const { enc, ct } = sealBase(bob.publicKey, info, header, body);
 */
export function sealBase(pkR: Uint8Array, info: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, ephemeral?: HpkeKeyPair): HpkeSealed {
  const { enc, context } = setupBaseS(pkR, info, ephemeral);
  try {
    return { enc, ct: contextSeal(context, aad, plaintext) };
  } finally {
    wipe(context.key, context.baseNonce, context.exporterSecret);
  }
}
