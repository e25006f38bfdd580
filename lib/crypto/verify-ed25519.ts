/** Ed25519 verification (RFC 8032 §5.1.7) in strict mode; never throws. */
import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Checks a signature. Strict RFC 8032 decoding (not ZIP-215) and small-order public keys refused, so
 * one signature cannot verify under several keys or encodings.
 * @param publicKey - 32 bytes
 * @param message - the signed bytes
 * @param signature - 64 bytes
 * @returns true only for a valid signature; false for any malformed input
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
