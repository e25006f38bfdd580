/** KeySchedule of RFC 9180 §5.1 for mode_base: AEAD key, base nonce and exporter secret from the KEM shared secret. */
import { concatBytes } from '@noble/hashes/utils.js';
import { wipe } from '../wipe';
import type { HpkeContext, HpkeRole } from './context';
import { labeledExpand } from './labeled-expand';
import { labeledExtract } from './labeled-extract';
import { HPKE_SUITE_ID, MODE_BASE, N_H, N_K, N_N } from './suite';

const EMPTY = new Uint8Array(0);

/**
 * Runs the mode_base key schedule (psk and psk_id empty, as §5.1.1 requires for this mode).
 * @param role - which side the context is for
 * @param sharedSecret - the 32-byte KEM shared secret
 * @param info - application context bound into every key; any length
 * @returns a context at sequence number 0
 */
export function keySchedule(role: HpkeRole, sharedSecret: Uint8Array, info: Uint8Array): HpkeContext {
  const pskIdHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);
  const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
  const context = concatBytes(Uint8Array.of(MODE_BASE), pskIdHash, infoHash);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, 'secret', EMPTY);
  try {
    return {
      role,
      key: labeledExpand(HPKE_SUITE_ID, secret, 'key', context, N_K),
      baseNonce: labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, N_N),
      exporterSecret: labeledExpand(HPKE_SUITE_ID, secret, 'exp', context, N_H),
      seq: 0,
    };
  } finally {
    wipe(secret);
  }
}
