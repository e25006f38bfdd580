/** ExtractAndExpand of RFC 9180 §4.1: the DHKEM shared secret from the Diffie–Hellman output and the KEM context. */
import { wipe } from '../wipe';
import { labeledExpand } from './labeled-expand';
import { labeledExtract } from './labeled-extract';
import { KEM_SUITE_ID, N_SECRET } from './suite';

const EMPTY = new Uint8Array(0);

/**
 * `eae_prk = LabeledExtract("", "eae_prk", dh)`, `LabeledExpand(eae_prk, "shared_secret", kem_context, Nsecret)`.
 * @param dh - the 32-byte X25519 output
 * @param kemContext - `enc ‖ pkR` (64 bytes)
 * @returns the 32-byte KEM shared secret
 */
export function extractAndExpand(dh: Uint8Array, kemContext: Uint8Array): Uint8Array {
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dh);
  try {
    return labeledExpand(KEM_SUITE_ID, prk, 'shared_secret', kemContext, N_SECRET);
  } finally {
    wipe(prk);
  }
}
