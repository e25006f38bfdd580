/** Ed25519 signatures (RFC 8032 §5.1.6), deterministic: the same key and message give the same signature. */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { SigningSecretKey } from './keys';

/**
 * Signs `message`. Callers sign only domain-separated, length-prefixed bytes (encodeLengthPrefixed),
 * never raw data, so a signature made for one purpose never verifies for another.
 * @param secretKey - 32-byte Ed25519 seed
 * @param message - any length
 * @returns the 64-byte signature
 */
export function signEd25519(secretKey: SigningSecretKey, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}
