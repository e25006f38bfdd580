/** Fresh Ed25519 key pairs (RFC 8032) for a vault's sharing identity. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { asKey, type SigningSecretKey } from './keys';
import { randomBytes } from './random-bytes';

/** A 32-byte Ed25519 secret key (the RFC 8032 seed) and its 32-byte public key. */
export interface SigningKeyPair {
  secretKey: SigningSecretKey;
  publicKey: Uint8Array;
}

/** Returns a new Ed25519 key pair from 32 bytes of the platform CSPRNG. */
export function generateSigningKeyPair(): SigningKeyPair {
  const secretKey = asKey<SigningSecretKey>(randomBytes(32));
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}
