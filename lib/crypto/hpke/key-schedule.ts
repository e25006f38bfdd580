/** KeySchedule of RFC 9180 §5.1 for mode_base: AEAD key, base nonce and exporter secret from the KEM shared secret. */
import { concatBytes } from '@noble/hashes/utils.js';
import { wipe } from '../wipe';
import type { HpkeContext, HpkeRole } from './context';
import { labeledExpand } from './labeled-expand';
import { labeledExtract } from './labeled-extract';
import { MODE_BASE, N_H, N_K, N_N } from './suite';

const EMPTY = new Uint8Array(0);

/**
 * Runs the mode_base key schedule (psk and psk_id empty, as §5.1.1 requires for this mode). The same
 * for every KEM: only the suite_id, which names the KEM, differs. With HKDF-SHA256 (a two-stage KDF)
 * the PQ suites keep this RFC 9180 schedule unchanged; the draft-ietf-hpke-pq A.5 vectors confirm it.
 * @param suiteId - the HPKE suite_id, hpkeSuiteId(kem.id)
 * @param role - which side the context is for
 * @param sharedSecret - the 32-byte KEM shared secret
 * @param info - application context bound into every key; any length
 * @returns a context at sequence number 0
 */
export function keySchedule(suiteId: Uint8Array, role: HpkeRole, sharedSecret: Uint8Array, info: Uint8Array): HpkeContext {
  const pskIdHash = labeledExtract(suiteId, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = labeledExtract(suiteId, EMPTY, 'info_hash', info);
  const context = concatBytes(Uint8Array.of(MODE_BASE), pskIdHash, infoHash);
  const secret = labeledExtract(suiteId, sharedSecret, 'secret', EMPTY);
  try {
    return {
      role,
      suiteId: suiteId.slice(),
      key: labeledExpand(suiteId, secret, 'key', context, N_K),
      baseNonce: labeledExpand(suiteId, secret, 'base_nonce', context, N_N),
      exporterSecret: labeledExpand(suiteId, secret, 'exp', context, N_H),
      seq: 0,
    };
  } finally {
    wipe(secret);
  }
}
