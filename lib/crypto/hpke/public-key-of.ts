/** The X25519 public key of an HPKE secret key (RFC 7748 §6.1: the scalar times the base point). */
import { x25519 } from '@noble/curves/ed25519.js';
import type { HpkeSecretKey } from '../keys';

/**
 * @param secretKey - 32-byte X25519 secret key
 * @returns the 32-byte public key
 */
export function publicKeyOf(secretKey: HpkeSecretKey): Uint8Array {
  return x25519.getPublicKey(secretKey);
}
