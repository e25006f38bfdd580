/** LabeledExtract of RFC 9180 §4: HKDF-Extract (RFC 5869) with the "HPKE-v1" label and a suite id. */
import { extract } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const HPKE_V1 = utf8ToBytes('HPKE-v1');

/**
 * `Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm)` with HMAC-SHA256.
 * @param suiteId - KEM_SUITE_ID or HPKE_SUITE_ID
 * @param salt - any length; empty means HashLen zero bytes (RFC 5869 §2.2)
 * @param label - ASCII label from the RFC, e.g. "eae_prk"
 * @param ikm - input keying material
 * @returns a 32-byte pseudorandom key
 */
export function labeledExtract(suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array): Uint8Array {
  return extract(sha256, concatBytes(HPKE_V1, suiteId, utf8ToBytes(label), ikm), salt);
}
