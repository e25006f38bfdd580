/** GenerateKeyPair of RFC 9180 §4 for DHKEM(X25519, HKDF-SHA256): a fresh random key pair. */
import { wipe } from '../wipe';
import { randomBytes } from '../random-bytes';
import { deriveKeyPair } from './derive-key-pair';
import type { HpkeKeyPair } from './key-pair';
import { N_SK } from './suite';

/**
 * Returns a new key pair: DeriveKeyPair over 32 bytes from the platform CSPRNG, as RFC 9180 §7.1.3
 * permits, so generated and derived keys take one code path.
 * @returns a 32-byte X25519 secret key and its 32-byte public key
 */
export function generateKeyPair(): HpkeKeyPair {
  const ikm = randomBytes(N_SK);
  try {
    return deriveKeyPair(ikm);
  } finally {
    wipe(ikm);
  }
}
