/** LabeledExpand of RFC 9180 §4: HKDF-Expand (RFC 5869) with a length prefix, "HPKE-v1" and a suite id. */
import { expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const HPKE_V1 = utf8ToBytes('HPKE-v1');

/**
 * `Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L)` with HMAC-SHA256.
 * @param suiteId - KEM_SUITE_ID or HPKE_SUITE_ID
 * @param prk - at least 32 bytes, from labeledExtract
 * @param label - ASCII label from the RFC, e.g. "shared_secret"
 * @param info - context bytes
 * @param length - output length in bytes, 0..8160 (255 × 32) and below 65536 for the 2-byte prefix
 */
export function labeledExpand(suiteId: Uint8Array, prk: Uint8Array, label: string, info: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 255 * 32) throw new RangeError('labeledExpand: length out of range');
  const labeledInfo = concatBytes(Uint8Array.of(length >> 8, length & 0xff), HPKE_V1, suiteId, utf8ToBytes(label), info);
  return expand(sha256, prk, labeledInfo, length);
}
