/**
 * The secret of a one-time link or a secret request (issue 14): 32 random bytes carried only in the URL
 * fragment (`<relay>/l/#<secret>`, `<relay>/r/#<secret>`), which browsers never send to the relay.
 * Everything else (the id the relay files it under, the tokens it checks, the keys) is derived from it.
 */
import { fromBase64Url, toBase64Url } from '../../crypto/base64url';
import { randomBytes } from '../../crypto/random-bytes';

/** Length of a secret, bytes (43 base64url characters). */
export const LINK_SECRET_BYTES = 32;

/** A fresh secret from the platform CSPRNG. */
export function newLinkSecret(): Uint8Array {
  return randomBytes(LINK_SECRET_BYTES);
}

/** @returns the secret as 43 characters of unpadded base64url */
export function encodeLinkSecret(secret: Uint8Array): string {
  if (secret.length !== LINK_SECRET_BYTES) throw new RangeError('encodeLinkSecret: a secret is 32 bytes');
  return toBase64Url(secret);
}

/**
 * @param text - untrusted, e.g. a URL fragment without its `#`
 * @returns the 32 secret bytes, or null when `text` is not one
 */
export function decodeLinkSecret(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  try {
    return fromBase64Url(text);
  } catch {
    return null;
  }
}
