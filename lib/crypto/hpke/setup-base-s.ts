/** SetupBaseS of RFC 9180 §5.1.1: the sender's encapsulation and context for a recipient public key. */
import { wipe } from '../wipe';
import type { HpkeContext } from './context';
import { encap } from './encap';
import type { HpkeKeyPair } from './key-pair';
import { keySchedule } from './key-schedule';

/**
 * Encapsulates to `pkR` and runs the key schedule.
 * @param pkR - the recipient's 32-byte X25519 public key
 * @param info - application context, bound into the keys
 * @param ephemeral - only for known-answer tests; by default a fresh key pair
 * @returns `enc` (32 bytes, sent to the recipient) and a sender context at sequence number 0
 * @throws RangeError or Error for a malformed or low-order recipient key (see encap)
 */
export function setupBaseS(pkR: Uint8Array, info: Uint8Array, ephemeral?: HpkeKeyPair): { enc: Uint8Array; context: HpkeContext } {
  const { sharedSecret, enc } = encap(pkR, ephemeral);
  try {
    return { enc, context: keySchedule('sender', sharedSecret, info) };
  } finally {
    wipe(sharedSecret);
  }
}
