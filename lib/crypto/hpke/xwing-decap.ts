/** Decap of X-Wing (draft-connolly-cfrg-xwing-kem §5.5; draft-ietf-hpke-pq §4): the shared secret from `enc` and the seed. */
import { ml_kem768_x25519 } from '@noble/post-quantum/hybrid.js';
import type { XWingSecretKey } from '../keys';
import { XWING_N_ENC, XWING_N_SK } from './xwing-suite';

/**
 * Re-expands the seed, decapsulates ct_M (implicit rejection: a corrupted ct_M gives an unrelated
 * secret, not an error) and ct_X, and combines.
 * @param enc - the 1120-byte ciphertext
 * @param skR - the recipient's 32-byte seed
 * @returns the 32-byte shared secret
 * @throws RangeError for `enc` or `skR` of the wrong size; Error from @noble/curves
 *   ("invalid private or public key received") when ct_X is a low-order X25519 point — stricter than
 *   the X-Wing draft, which has no such check; harmless, as only a deliberately odd sender makes one
 */
export function xwingDecap(enc: Uint8Array, skR: XWingSecretKey): Uint8Array {
  if (!(enc instanceof Uint8Array) || enc.length !== XWING_N_ENC) throw new RangeError('xwingDecap: enc must be 1120 bytes');
  if (!(skR instanceof Uint8Array) || skR.length !== XWING_N_SK) throw new RangeError('xwingDecap: secret key must be 32 bytes');
  return ml_kem768_x25519.decapsulate(enc, skR);
}
