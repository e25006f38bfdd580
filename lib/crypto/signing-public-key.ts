/** The Ed25519 public key of a secret key (RFC 8032 §5.1.5). */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { SigningSecretKey } from './keys';

/**
 * @param secretKey - 32-byte Ed25519 seed
 * @returns the 32-byte public key
 */
export function signingPublicKey(secretKey: SigningSecretKey): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}
