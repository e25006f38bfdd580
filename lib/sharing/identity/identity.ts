/**
 * A vault's sharing identity: a handle, an X25519 key pair for classic HPKE, an X-Wing key pair for
 * post-quantum HPKE (identity bundle v2, DESIGN §12; an identity made before it has none until it
 * upgrades) and an Ed25519 key pair (envelopes and the identity bundle are signed with it). The secret
 * halves live only in the background (S3) and are stored sealed under the vault key (seal-identity.ts).
 */
import type { HpkeSecretKey, SigningSecretKey, XWingSecretKey } from '../../crypto/keys';

/** The public half: what a contact pins and what the safety number is computed from. */
export interface PublicIdentity {
  handle: string;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  signingKey: Uint8Array;
  /**
   * X-Wing (ML-KEM-768 + X25519) public key, 1,216 bytes, signed into the bundle by `signingKey`;
   * absent for an identity that has not upgraded (bundle v1). When present, envelopes to this identity
   * use only the post-quantum suite (T27).
   */
  xwingKey?: Uint8Array;
}

/** The whole identity, secret keys included. */
export interface Identity extends PublicIdentity {
  /** When it was made, ms since epoch. */
  created: number;
  /** X25519 secret key, 32 bytes. */
  encryptionSecretKey: HpkeSecretKey;
  /** Ed25519 secret key (seed), 32 bytes. */
  signingSecretKey: SigningSecretKey;
  /** X-Wing secret key (its 32-byte seed); present exactly when `xwingKey` is. */
  xwingSecretKey?: XWingSecretKey;
}
