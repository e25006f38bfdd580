/** SetupBaseR of RFC 9180 §5.1.1: the recipient's context from `enc` and its secret key. */
import type { HpkeSecretKey } from '../keys';
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import { decap } from './decap';
import { keySchedule } from './key-schedule';

/**
 * Decapsulates `enc` and runs the key schedule.
 * @param enc - the sender's 32-byte ephemeral public key
 * @param skR - the recipient's 32-byte X25519 secret key
 * @param info - must equal the sender's, or every open fails
 * @returns a recipient context at sequence number 0
 * @throws RangeError or Error for a malformed or low-order `enc` (see decap)
 */
export function setupBaseR(enc: Uint8Array, skR: HpkeSecretKey, info: Uint8Array): HpkeContext {
  const sharedSecret = decap(enc, skR);
  try {
    return keySchedule('recipient', sharedSecret, info);
  } finally {
    wipe(sharedSecret);
  }
}
