/** Makes the self-signed public identity bundle a vault publishes on the relay (v2 with an X-Wing key, else v1). */
import { toBase64 } from '../crypto/base64';
import type { SigningSecretKey } from '../crypto/keys';
import { signEd25519 } from '../crypto/sign-ed25519';
import { signingPublicKey } from '../crypto/signing-public-key';
import { identityBundleSchema, XWING_PUBLIC_KEY_BYTES, type IdentityBundle } from './identity-bundle';
import { identityBundleSigningBytes } from './identity-bundle-signing-bytes';

/** What signing needs; a lib/sharing Identity fits as it is. */
export interface BundleSource {
  handle: string;
  /** ms since epoch. */
  created: number;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** X-Wing public key, 1,216 bytes; with it the bundle is version 2. */
  xwingKey?: Uint8Array;
  /** Ed25519 secret key, 32 bytes; the bundle's `signingKey` is its public key. */
  signingSecretKey: SigningSecretKey;
}

/**
 * Builds and signs the bundle (Ed25519 over identityBundleSigningBytes).
 * @returns a bundle that passes identityBundleSchema and verifyIdentityBundle
 * @throws RangeError for an encryption key that is not 32 bytes or an X-Wing key that is not 1,216;
 *   ZodError for an invalid handle or time
 * @example const bundle = signIdentityBundle(identity); // then POST it to the relay
 */
export function signIdentityBundle(source: BundleSource): IdentityBundle {
  if (source.encryptionKey.length !== 32) throw new RangeError('signIdentityBundle: encryption key must be 32 bytes');
  const { xwingKey } = source;
  if (xwingKey && xwingKey.length !== XWING_PUBLIC_KEY_BYTES) throw new RangeError('signIdentityBundle: X-Wing key must be 1216 bytes');
  const signingKey = signingPublicKey(source.signingSecretKey);
  const common = { handle: source.handle, encryptionKey: source.encryptionKey, signingKey, created: source.created };
  const unsigned = xwingKey ? { v: 2 as const, ...common, xwingKey } : { v: 1 as const, ...common };
  const signature = signEd25519(source.signingSecretKey, identityBundleSigningBytes(unsigned));
  return identityBundleSchema.parse({
    ...unsigned,
    encryptionKey: toBase64(source.encryptionKey),
    signingKey: toBase64(signingKey),
    ...(xwingKey ? { xwingKey: toBase64(xwingKey) } : {}),
    signature: toBase64(signature),
  });
}
