/** Single-shot SealBase of RFC 9180 §6.1: encapsulate to a public key and encrypt one message. */
import { wipe } from '../wipe';
import { contextSeal } from './context-seal';
import type { HpkeKem } from './kem';
import { setupBaseS } from './setup-base-s';

/** `enc` and the ciphertext of a single-shot seal. */
export interface HpkeSealed {
  /** The KEM encapsulation: 32 bytes for X25519, 1120 for X-Wing. */
  enc: Uint8Array;
  /** Ciphertext ‖ 16-byte tag. */
  ct: Uint8Array;
}

/**
 * Seals `plaintext` to `pkR` with fresh encapsulation randomness (mode_base, sequence number 0).
 * @param kem - X25519_KEM or XWING_KEM
 * @param pkR - the recipient's public key (kem.nPk bytes)
 * @param info - application context bound into the keys
 * @param aad - associated data bound to the ciphertext
 * @param plaintext - any length; `ct` is 16 bytes longer
 * @param randomness - only for known-answer tests: EncapDerand's ikmE; by default fresh randomness
 * @throws RangeError or Error for a malformed recipient key
 * @example const { enc, ct } = sealBase(XWING_KEM, bob.publicKey, info, header, body);
 */
export function sealBase<SK extends Uint8Array>(
  kem: HpkeKem<SK>,
  pkR: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
  randomness?: Uint8Array,
): HpkeSealed {
  const { enc, context } = setupBaseS(kem, pkR, info, randomness);
  try {
    return { enc, ct: contextSeal(context, aad, plaintext) };
  } finally {
    wipe(context.key, context.baseNonce, context.exporterSecret);
  }
}
