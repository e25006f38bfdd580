/** LabeledDerive of draft-ietf-hpke-hpke §4 with SHAKE256 (draft-ietf-hpke-pq §5): for one-stage KDFs. */
import { shake256 } from '@noble/hashes/sha3.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const HPKE_V1 = utf8ToBytes('HPKE-v1');
const i2osp2 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

/**
 * `SHAKE256(ikm ‖ "HPKE-v1" ‖ suite_id ‖ I2OSP(len(label), 2) ‖ label ‖ I2OSP(L, 2) ‖ context, L)`.
 * @param suiteId - e.g. XWING_KEM_SUITE_ID
 * @param ikm - input keying material
 * @param label - ASCII label, e.g. "DeriveKeyPair"
 * @param context - context bytes, often empty
 * @param length - output length in bytes, 0..65535
 */
export function labeledDerive(suiteId: Uint8Array, ikm: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffff) throw new RangeError('labeledDerive: length out of range');
  const labelBytes = utf8ToBytes(label);
  if (labelBytes.length > 0xffff) throw new RangeError('labeledDerive: label too long');
  const labeledIkm = concatBytes(ikm, HPKE_V1, suiteId, i2osp2(labelBytes.length), labelBytes, i2osp2(length), context);
  return shake256(labeledIkm, { dkLen: length });
}
