/**
 * The bytes an identity bundle's self-signature covers: a domain label and every other field in a fixed
 * order, each length-prefixed (lib/crypto/encode-length-prefixed), keys as their raw bytes. Version 2
 * has its own label and the X-Wing key after the Ed25519 key, so a v1 signature never verifies as v2.
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
  /** X-Wing public key, 1,216 bytes; present exactly when `v` is 2. */
  xwingKey?: Uint8Array;
  /** ms since epoch, a safe integer. */
  created: number;
}

/**
 * v1: `lp("sealpass/v1/identity-bundle") ‖ lp(v) ‖ lp(handle) ‖ lp(encryptionKey) ‖ lp(signingKey) ‖ lp(created)`;
 * v2: `lp("sealpass/v2/identity-bundle") ‖ lp(v) ‖ lp(handle) ‖ lp(encryptionKey) ‖ lp(signingKey) ‖ lp(xwingKey) ‖ lp(created)`;
 * numbers as decimal text.
 * @throws RangeError when `xwingKey` is present for v1 or missing for v2
 */
export function identityBundleSigningBytes(bundle: UnsignedBundle): Uint8Array {
  if ((bundle.v === 2) !== (bundle.xwingKey !== undefined)) throw new RangeError('identityBundleSigningBytes: an X-Wing key goes with version 2 only');
  const keys = bundle.xwingKey ? [bundle.encryptionKey, bundle.signingKey, bundle.xwingKey] : [bundle.encryptionKey, bundle.signingKey];
  return encodeLengthPrefixed([`sealpass/v${bundle.v}/identity-bundle`, String(bundle.v), bundle.handle, ...keys, String(bundle.created)]);
}
