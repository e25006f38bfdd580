/** SetupBaseS of RFC 9180 §5.1.1: the sender's encapsulation and context for a recipient public key. */
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import type { HpkeKem } from './kem';
import { keySchedule } from './key-schedule';
import { hpkeSuiteId } from './suite';

/**
 * Encapsulates to `pkR` and runs the key schedule under the KEM's suite_id.
 * @param kem - X25519_KEM or XWING_KEM
 * @param pkR - the recipient's public key (kem.nPk bytes)
 * @param info - application context, bound into the keys
 * @param randomness - only for known-answer and interop tests: EncapDerand's ikmE (kem.nRandom bytes);
 *   by default fresh randomness
 * @returns `enc` (kem.nEnc bytes, sent to the recipient) and a sender context at sequence number 0
 * @throws RangeError or Error for a malformed recipient key (see the KEM's encap)
 */
export function setupBaseS<SK extends Uint8Array>(
  kem: HpkeKem<SK>,
  pkR: Uint8Array,
  info: Uint8Array,
  randomness?: Uint8Array,
): { enc: Uint8Array; context: HpkeContext } {
  const { sharedSecret, enc } = kem.encap(pkR, randomness);
  try {
    return { enc, context: keySchedule(hpkeSuiteId(kem.id), 'sender', sharedSecret, info) };
  } finally {
    wipe(sharedSecret);
  }
}
