/** A short mark for a mailbox entry, so a sync can tell an entry it already processed from a new one. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';

/**
 * @param id - the relay's envelope id
 * @param envelope - the envelope text as listed
 * @returns the first 16 bytes of SHA-256(lp("sealpass/v1/mailbox-entry") ‖ lp(id) ‖ lp(text)), as 32 hex digits
 */
export function envelopeMark(id: number, envelope: string): string {
  return bytesToHex(sha256(encodeLengthPrefixed(['sealpass/v1/mailbox-entry', String(id), envelope])).subarray(0, 16));
}
