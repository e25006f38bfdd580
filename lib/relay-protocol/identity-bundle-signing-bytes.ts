/**
 * The bytes an identity bundle's self-signature covers: a domain label and every other field in a fixed
 * order, each length-prefixed (lib/crypto/encode-length-prefixed), keys as their raw 32 bytes.
 */
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';
import type { IdentityBundle } from './identity-bundle';

/** The unsigned fields of a bundle, keys already decoded. */
export interface UnsignedBundle {
  v: IdentityBundle['v'];
  handle: string;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  signingKey: Uint8Array;
  /** ms since epoch, a safe integer. */
  created: number;
}

/**
 * `lp("sealpass/v1/identity-bundle") ‖ lp(v) ‖ lp(handle) ‖ lp(encryptionKey) ‖ lp(signingKey) ‖ lp(created)`,
 * numbers as decimal text.
 */
export function identityBundleSigningBytes(bundle: UnsignedBundle): Uint8Array {
  return encodeLengthPrefixed([
    'sealpass/v1/identity-bundle',
    String(bundle.v),
    bundle.handle,
    bundle.encryptionKey,
    bundle.signingKey,
    String(bundle.created),
  ]);
}
