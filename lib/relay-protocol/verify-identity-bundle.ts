/**
 * Checks an identity bundle (v1 or v2) received from anywhere (a request body on the relay, a lookup answer in the
 * extension): its shape, canonical base64 and its self-signature. A valid self-signature only proves the
 * bundle was made by the holder of its signing key, not that the handle belongs to them (T01).
 */
import { fromBase64 } from '../crypto/base64';
import { verifyEd25519 } from '../crypto/verify-ed25519';
import { identityBundleSchema, XWING_PUBLIC_KEY_BYTES, type IdentityBundle } from './identity-bundle';
import { identityBundleSigningBytes } from './identity-bundle-signing-bytes';

/** A checked bundle, or why it was refused: its shape (`malformed`) or its signature (`bad-signature`). */
export type BundleCheck = { ok: true; bundle: IdentityBundle } | { ok: false; reason: 'malformed' | 'bad-signature' };

/**
 * @param input - untrusted, e.g. parsed JSON
 * @returns `{ ok: true, bundle }` only when the shape is right and the signature verifies; never throws
 */
export function verifyIdentityBundle(input: unknown): BundleCheck {
  const parsed = identityBundleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const bundle = parsed.data;
  let encryptionKey: Uint8Array, signingKey: Uint8Array, signature: Uint8Array;
  let xwingKey: Uint8Array | undefined;
  try {
    encryptionKey = fromBase64(bundle.encryptionKey);
    signingKey = fromBase64(bundle.signingKey);
    signature = fromBase64(bundle.signature);
    if (bundle.v === 2) xwingKey = fromBase64(bundle.xwingKey);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // The schema checks the text length only; "…==" padding would still let a 31-byte key through.
  if (encryptionKey.length !== 32 || signingKey.length !== 32 || signature.length !== 64) return { ok: false, reason: 'malformed' };
  if (xwingKey && xwingKey.length !== XWING_PUBLIC_KEY_BYTES) return { ok: false, reason: 'malformed' };
  const message = identityBundleSigningBytes({ v: bundle.v, handle: bundle.handle, encryptionKey, signingKey, ...(xwingKey ? { xwingKey } : {}), created: bundle.created });
  return verifyEd25519(signingKey, message, signature) ? { ok: true, bundle } : { ok: false, reason: 'bad-signature' };
}
