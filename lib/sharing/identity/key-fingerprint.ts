/**
 * A key fingerprint: SHA-256 over both public keys of an identity, domain-separated and length-prefixed.
 * It names "this pair of keys" in envelope headers and contact codes; the handle is not part of it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import type { PublicIdentity } from './identity';

/**
 * `SHA-256(lp("sealpass/v1/key-fingerprint") ‖ lp(encryptionKey) ‖ lp(signingKey))`.
 * @param keys - the 32-byte X25519 and Ed25519 public keys
 * @returns 32 bytes
 */
export function keyFingerprint(keys: Pick<PublicIdentity, 'encryptionKey' | 'signingKey'>): Uint8Array {
  return sha256(encodeLengthPrefixed(['sealpass/v1/key-fingerprint', keys.encryptionKey, keys.signingKey]));
}
