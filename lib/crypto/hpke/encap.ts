/** Encap of RFC 9180 §4.1 for DHKEM(X25519, HKDF-SHA256): a shared secret and its encapsulation for a recipient key. */
import { x25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { wipe } from '../wipe';
import { extractAndExpand } from './extract-and-expand';
import { generateKeyPair } from './generate-key-pair';
import type { Encapsulation } from './kem';
import type { HpkeKeyPair } from './key-pair';
import { N_PK } from './suite';

export type { Encapsulation } from './kem';

/**
 * Encapsulates to `pkR` with a fresh ephemeral key pair.
 * @param pkR - the recipient's 32-byte X25519 public key
 * @param ephemeral - only for known-answer tests (RFC 9180 Appendix A gives skEm); never reuse one
 * @throws RangeError for a public key that is not 32 bytes; Error from @noble/curves for a low-order
 *   key, whose Diffie–Hellman output would be all zeros (RFC 9180 §7.1.4)
 */
export function encap(pkR: Uint8Array, ephemeral: HpkeKeyPair = generateKeyPair()): Encapsulation {
  if (!(pkR instanceof Uint8Array) || pkR.length !== N_PK) throw new RangeError('encap: recipient key must be 32 bytes');
  const dh = x25519.getSharedSecret(ephemeral.secretKey, pkR);
  try {
    const enc = ephemeral.publicKey.slice();
    return { sharedSecret: extractAndExpand(dh, concatBytes(enc, pkR)), enc };
  } finally {
    wipe(dh);
  }
}
