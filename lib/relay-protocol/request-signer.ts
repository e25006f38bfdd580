/**
 * Who signs relay requests: a handle and a signing function. The client takes this rather than a key,
 * so the Ed25519 secret key can stay wherever the background keeps it (S3).
 */

/** Signs relay requests for one identity. */
export interface RequestSigner {
  /** The identity's registered handle. */
  readonly handle: string;
  /** Ed25519 signature (64 bytes) over `message` with the identity's signing key. */
  sign(message: Uint8Array): Uint8Array;
}
