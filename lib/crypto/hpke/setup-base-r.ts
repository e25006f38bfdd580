/** SetupBaseR of RFC 9180 §5.1.1: the recipient's context from `enc` and its secret key. */
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import type { HpkeKem } from './kem';
import { keySchedule } from './key-schedule';
import { hpkeSuiteId } from './suite';

/**
 * Decapsulates `enc` and runs the key schedule under the KEM's suite_id.
 * @param kem - X25519_KEM or XWING_KEM
 * @param enc - the sender's encapsulation (kem.nEnc bytes)
 * @param skR - the recipient's secret key (kem.nSk bytes)
 * @param info - must equal the sender's, or every open fails
 * @returns a recipient context at sequence number 0
 * @throws RangeError or Error for a malformed `enc` (see the KEM's decap)
 */
export function setupBaseR<SK extends Uint8Array>(kem: HpkeKem<SK>, enc: Uint8Array, skR: SK, info: Uint8Array): HpkeContext {
  const sharedSecret = kem.decap(enc, skR);
  try {
    return keySchedule(hpkeSuiteId(kem.id), 'recipient', sharedSecret, info);
  } finally {
    wipe(sharedSecret);
  }
}
