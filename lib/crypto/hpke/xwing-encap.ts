/** Encap of X-Wing (draft-connolly-cfrg-xwing-kem §5.4; draft-ietf-hpke-pq §4): a shared secret and its 1120-byte ciphertext. */
import { ml_kem768_x25519 } from '@noble/post-quantum/hybrid.js';
import type { Encapsulation } from './kem';
import { XWING_N_PK, XWING_N_RANDOM } from './xwing-suite';

/**
 * Encapsulate(pkR), or EncapsulateDerand(pkR, eseed) when `eseed` is given.
 * `enc` = ct_M (ML-KEM-768 ciphertext, 1088) ‖ ct_X (X25519 ephemeral public key, 32);
 * shared secret = SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ "\\.//^\\").
 * @param pkR - the recipient's 1216-byte encapsulation key
 * @param eseed - only for known-answer and interop tests: 64 bytes, m ‖ X25519 ephemeral secret
 *   (the vectors' ikmE); by default 64 fresh random bytes. Never reuse one.
 * @throws RangeError for a key or eseed of the wrong size; Error from @noble/post-quantum when the
 *   ML-KEM encapsulation key check (FIPS 203 §7.2, "wrong publicKey modulus") fails (HPKE EncapError)
 *   or pk_X is a low-order X25519 point ("invalid private or public key received")
 */
export function xwingEncap(pkR: Uint8Array, eseed?: Uint8Array): Encapsulation {
  if (!(pkR instanceof Uint8Array) || pkR.length !== XWING_N_PK) throw new RangeError('xwingEncap: recipient key must be 1216 bytes');
  if (eseed !== undefined && (!(eseed instanceof Uint8Array) || eseed.length !== XWING_N_RANDOM)) {
    throw new RangeError('xwingEncap: eseed must be 64 bytes');
  }
  const { cipherText, sharedSecret } = ml_kem768_x25519.encapsulate(pkR, eseed);
  return { sharedSecret, enc: cipherText };
}
