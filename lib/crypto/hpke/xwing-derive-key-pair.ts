/**
 * DeriveKeyPair of draft-ietf-hpke-pq-05 §4 for MLKEM768-X25519 (X-Wing): the seed is
 * `SHAKE256.LabeledDerive(ikm, "DeriveKeyPair", "", 32)` under suite_id "KEM" ‖ 0x647a, and the seed is
 * the secret key. (draft-connolly-cfrg-xwing-kem-10 §5.7 still says plain `SHAKE256(ikm, 32)`; the HPKE
 * draft and its test vectors, which this follows, differ from it. Encap/Decap are the same in both.)
 */
import { wipe } from '../wipe';
import { labeledDerive } from './labeled-derive';
import type { XWingKeyPair } from './xwing-key-pair';
import { xwingKeyPairFromSeed } from './xwing-key-pair-from-seed';
import { XWING_KEM_SUITE_ID, XWING_N_SK } from './xwing-suite';

const EMPTY = new Uint8Array(0);

/**
 * @param ikm - at least 32 bytes of secret entropy (the draft says SHOULD)
 * @returns the key pair; the secret key is the derived 32-byte seed
 * @throws RangeError when `ikm` is shorter than 32 bytes
 */
export function xwingDeriveKeyPair(ikm: Uint8Array): XWingKeyPair {
  if (!(ikm instanceof Uint8Array) || ikm.length < XWING_N_SK) throw new RangeError('xwingDeriveKeyPair: ikm must be at least 32 bytes');
  const seed = labeledDerive(XWING_KEM_SUITE_ID, ikm, 'DeriveKeyPair', EMPTY, XWING_N_SK);
  try {
    return xwingKeyPairFromSeed(seed);
  } finally {
    wipe(seed);
  }
}
