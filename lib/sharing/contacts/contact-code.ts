/**
 * Contact codes: a person's handle and public keys as one short string to paste or scan, so that the
 * contact is added already verified. Trust comes from how the code travelled (in person, a call), not
 * from the check, which only catches a mistyped or cut code.
 *
 * v1 (a classic identity): `sealpass:contact:v1:` then unpadded base64url (RFC 4648 §5) of
 * `u8 handle length ‖ handle ‖ X25519 key (32) ‖ Ed25519 key (32) ‖ check (8)`, where
 * `check = SHA-256(lp("sealpass/v1/contact-code") ‖ lp(handle) ‖ lp(keyFingerprint))[0..8]`.
 *
 * v2 (an identity with an X-Wing key): the 1,216-byte X-Wing key would make a code of about 1,700
 * characters, a QR code of version 35 or more that phone cameras read badly, so the code carries its
 * SHA-256 instead: `sealpass:contact:v2:` then base64url of
 * `u8 handle length ‖ handle ‖ X25519 key (32) ‖ Ed25519 key (32) ‖ SHA-256(X-Wing key) (32) ‖ check (8)`,
 * `check = SHA-256(lp("sealpass/v2/contact-code") ‖ lp(handle) ‖ lp(X25519) ‖ lp(Ed25519) ‖ lp(xwingHash))[0..8]`.
 * The X-Wing key itself comes from the relay's bundle, which must match the code's three values.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { keyFingerprint } from '../identity/key-fingerprint';
import type { PublicIdentity } from '../identity/identity';

/** Every v1 contact code starts with this. */
export const CONTACT_CODE_PREFIX = 'sealpass:contact:v1:';
/** Every v2 contact code (with an X-Wing key hash) starts with this. */
export const CONTACT_CODE_V2_PREFIX = 'sealpass:contact:v2:';
/** Length of the check in bytes. */
export const CONTACT_CHECK_LENGTH = 8;

/** What a contact code says: the handle and classic keys, and for v2 the SHA-256 of the X-Wing key. */
export interface ContactCodeContent {
  handle: string;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  signingKey: Uint8Array;
  /** SHA-256 of the X-Wing public key, 32 bytes; only in a v2 code. */
  xwingKeyHash?: Uint8Array;
}

/** The 8-byte check over a code's content (v1 or v2, as the content has an X-Wing key hash or not). */
export function contactCheck(content: ContactCodeContent): Uint8Array {
  const fields = content.xwingKeyHash
    ? ['sealpass/v2/contact-code', content.handle, content.encryptionKey, content.signingKey, content.xwingKeyHash]
    : ['sealpass/v1/contact-code', content.handle, keyFingerprint(content)];
  return sha256(encodeLengthPrefixed(fields)).slice(0, CONTACT_CHECK_LENGTH);
}

/**
 * @param seen - a handle and keys from a verified bundle
 * @param code - a decoded contact code
 * @returns whether the bundle is exactly what the code names (for v2: also an X-Wing key with the code's hash)
 */
export function bundleMatchesCode(seen: PublicIdentity, code: ContactCodeContent): boolean {
  if (seen.handle !== code.handle || !equalBytes(seen.encryptionKey, code.encryptionKey) || !equalBytes(seen.signingKey, code.signingKey)) return false;
  if (!code.xwingKeyHash) return true;
  return seen.xwingKey !== undefined && equalBytes(sha256(seen.xwingKey), code.xwingKeyHash);
}
