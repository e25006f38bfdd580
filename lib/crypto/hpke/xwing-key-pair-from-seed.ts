/** GenerateKeyPairDerand of draft-connolly-cfrg-xwing-kem §5.2: the key pair whose secret key is this seed. */
import { ml_kem768_x25519 } from '@noble/post-quantum/hybrid.js';
import { asKey, type XWingSecretKey } from '../keys';
import type { XWingKeyPair } from './xwing-key-pair';
import { XWING_N_SK } from './xwing-suite';

/**
 * Expands the seed with SHAKE-256 to 96 bytes: ML-KEM-768 KeyGen_internal(d, z) from the first 64, the
 * X25519 secret from the last 32; the public key is pk_M ‖ pk_X.
 * @param seed - exactly 32 bytes; copied, so the caller may wipe it
 * @returns the seed (a copy) as the secret key, and the 1216-byte public key
 * @throws RangeError for a seed that is not 32 bytes
 */
export function xwingKeyPairFromSeed(seed: Uint8Array): XWingKeyPair {
  if (!(seed instanceof Uint8Array) || seed.length !== XWING_N_SK) throw new RangeError('xwingKeyPairFromSeed: seed must be 32 bytes');
  const { secretKey, publicKey } = ml_kem768_x25519.keygen(seed);
  return { secretKey: asKey<XWingSecretKey>(secretKey), publicKey };
}
