/** DeriveKeyPair of RFC 9180 §7.1.3 for DHKEM(X25519, HKDF-SHA256): a key pair from input keying material. */
import { x25519 } from '@noble/curves/ed25519.js';
import { asKey, type HpkeSecretKey } from '../keys';
import { wipe } from '../wipe';
import type { HpkeKeyPair } from './key-pair';
import { labeledExpand } from './labeled-expand';
import { labeledExtract } from './labeled-extract';
import { KEM_SUITE_ID, N_SK } from './suite';

const EMPTY = new Uint8Array(0);

/**
 * `dkp_prk = LabeledExtract("", "dkp_prk", ikm)`, `sk = LabeledExpand(dkp_prk, "sk", "", Nsk)`.
 * @param ikm - at least 32 bytes of secret entropy (RFC 9180 §7.1.3 asks for Nsk bytes)
 * @returns the key pair; the secret key is 32 bytes (clamped when used, RFC 7748 §5)
 * @throws RangeError when `ikm` is shorter than 32 bytes
 */
export function deriveKeyPair(ikm: Uint8Array): HpkeKeyPair {
  if (!(ikm instanceof Uint8Array) || ikm.length < N_SK) throw new RangeError('deriveKeyPair: ikm must be at least 32 bytes');
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'dkp_prk', ikm);
  const secretKey = asKey<HpkeSecretKey>(labeledExpand(KEM_SUITE_ID, prk, 'sk', EMPTY, N_SK));
  wipe(prk);
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}
