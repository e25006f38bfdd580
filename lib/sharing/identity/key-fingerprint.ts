/**
 * A key fingerprint: SHA-256 over the X25519 and Ed25519 public keys of an identity, domain-separated and
 * length-prefixed. It names the signer in envelope addresses and does not change when the identity adds
 * an X-Wing key (bundle v2), so contacts who have not seen the upgrade yet still recognise the sender.
 * It is a pinned contact's `fingerprint` (grants and received shares name the contact by it); the user
 * verifies, and an envelope's recipient fingerprint names, bundleFingerprint (all keys).
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
