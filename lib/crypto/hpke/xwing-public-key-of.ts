/** The X-Wing encapsulation key of a decapsulation key (its 32-byte seed). */
import { ml_kem768_x25519 } from '@noble/post-quantum/hybrid.js';
import type { XWingSecretKey } from '../keys';
import { XWING_N_SK } from './xwing-suite';

/**
 * Re-expands the seed (one ML-KEM-768 key generation and one X25519 base-point multiplication).
 * @param secretKey - the 32-byte seed
 * @returns the 1216-byte public key
 * @throws RangeError for a key that is not 32 bytes
 */
export function xwingPublicKeyOf(secretKey: XWingSecretKey): Uint8Array {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== XWING_N_SK) throw new RangeError('xwingPublicKeyOf: secret key must be 32 bytes');
  return ml_kem768_x25519.getPublicKey(secretKey);
}
