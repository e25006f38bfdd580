/** ComputeNonce of RFC 9180 §5.2: the per-message nonce, base nonce XOR the big-endian sequence number. */
import { N_N } from './suite';
import { MAX_SEQ } from './context';

/**
 * @param baseNonce - 12 bytes from the key schedule
 * @param seq - sequence number, an integer in 0..2^53 − 1
 * @returns a new 12-byte nonce
 * @throws RangeError for a wrong-sized base nonce or a sequence number out of range
 */
export function computeNonce(baseNonce: Uint8Array, seq: number): Uint8Array {
  if (baseNonce.length !== N_N) throw new RangeError('computeNonce: base nonce must be 12 bytes');
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new RangeError('computeNonce: sequence number out of range');
  const seqBytes = new Uint8Array(N_N);
  // I2OSP(seq, Nn): the low 8 bytes hold it; the top 4 stay zero below 2^64.
  new DataView(seqBytes.buffer).setBigUint64(N_N - 8, BigInt(seq));
  return seqBytes.map((b, i) => b ^ baseNonce[i]!);
}
