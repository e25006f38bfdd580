/** Decap of RFC 9180 §4.1 for DHKEM(X25519, HKDF-SHA256): the shared secret from `enc` and the recipient's secret key. */
import { x25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '@noble/hashes/utils.js';
import type { HpkeSecretKey } from '../keys';
import { wipe } from '../wipe';
import { extractAndExpand } from './extract-and-expand';
import { N_ENC } from './suite';

/**
 * Recovers the shared secret.
 * @param enc - the sender's 32-byte ephemeral public key
 * @param skR - the recipient's 32-byte X25519 secret key
 * @returns the 32-byte KEM shared secret
 * @throws RangeError for an `enc` that is not 32 bytes; Error from @noble/curves for a low-order
 *   `enc` (all-zero Diffie–Hellman output, RFC 9180 §7.1.4)
 */
export function decap(enc: Uint8Array, skR: HpkeSecretKey): Uint8Array {
  if (!(enc instanceof Uint8Array) || enc.length !== N_ENC) throw new RangeError('decap: enc must be 32 bytes');
  const dh = x25519.getSharedSecret(skR, enc);
  try {
    return extractAndExpand(dh, concatBytes(enc, x25519.getPublicKey(skR)));
  } finally {
    wipe(dh);
  }
}
