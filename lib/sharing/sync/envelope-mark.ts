/**
 * A short mark for a mailbox entry, so a sync can tell an entry it already processed from a new one: the
 * same entry listed again (a failed acknowledgement) and the same post delivered twice (a poster's retry
 * that a relay stored again) both carry the poster's post id and the same text, and are dropped.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';

/**
 * @param postId - the poster's post id, as listed
 * @param envelope - the envelope text as listed
 * @returns the first 16 bytes of SHA-256(lp("sealpass/v2/mailbox-entry") ‖ lp(postId) ‖ lp(text)), as 32 hex digits
 */
export function envelopeMark(postId: string, envelope: string): string {
  return bytesToHex(sha256(encodeLengthPrefixed(['sealpass/v2/mailbox-entry', postId, envelope])).subarray(0, 16));
}
