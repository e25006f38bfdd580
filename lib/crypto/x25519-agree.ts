/**
 * X25519 key agreement (RFC 7748 §6.1) followed by HKDF-SHA256 (RFC 5869): one 32-byte key both sides
 * derive from their own secret key and the other's public key, bound to `info`. Used for relay sessions,
 * where the session key never travels.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { wipe } from './wipe';

/**
 * @param secretKey - my 32-byte X25519 secret key
 * @param publicKey - the other side's 32-byte X25519 public key
 * @param info - what the key is for and whom it binds (HKDF `info`)
 * @returns 32 bytes
 * @throws RangeError for keys that are not 32 bytes; Error from @noble/curves for a low-order public key,
 *   whose shared secret would be all zeros (RFC 7748 §6.1)
 */
export function x25519Agree(secretKey: Uint8Array, publicKey: Uint8Array, info: Uint8Array): Uint8Array {
  if (secretKey.length !== 32 || publicKey.length !== 32) throw new RangeError('x25519Agree: keys must be 32 bytes');
  const shared = x25519.getSharedSecret(secretKey, publicKey);
  try {
    return hkdf(sha256, shared, undefined, info, 32);
  } finally {
    wipe(shared);
  }
}
