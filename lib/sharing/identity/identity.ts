/**
 * A vault's sharing identity: a handle, an X25519 key pair for HPKE (envelopes are sealed to it) and an
 * Ed25519 key pair (envelopes and the identity bundle are signed with it). The secret halves live only
 * in the background (S3) and are stored sealed under the vault key (seal-identity.ts).
 */
import type { HpkeSecretKey, SigningSecretKey } from '../../crypto/keys';

/** The public half: what a contact pins and what the safety number is computed from. */
export interface PublicIdentity {
  handle: string;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  signingKey: Uint8Array;
}

/** The whole identity, secret keys included. */
export interface Identity extends PublicIdentity {
  /** When it was made, ms since epoch. */
  created: number;
  /** X25519 secret key, 32 bytes. */
  encryptionSecretKey: HpkeSecretKey;
  /** Ed25519 secret key (seed), 32 bytes. */
  signingSecretKey: SigningSecretKey;
}
