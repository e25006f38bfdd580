/**
 * Contact codes: a person's handle and public keys as one short string to paste or scan, so that the
 * contact is added already verified. `sealpass:contact:v1:` then unpadded base64url (RFC 4648 §5) of
 * `u8 handle length ‖ handle ‖ X25519 key (32) ‖ Ed25519 key (32) ‖ check (8)`, where
 * `check = SHA-256(lp("sealpass/v1/contact-code") ‖ lp(handle) ‖ lp(keyFingerprint))[0..8]` catches a
 * mistyped or cut code. Trust comes from how the code travelled (in person, a call), not from the check.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { keyFingerprint } from '../identity/key-fingerprint';
import type { PublicIdentity } from '../identity/identity';

/** Every contact code starts with this. */
export const CONTACT_CODE_PREFIX = 'sealpass:contact:v1:';
/** Length of the check in bytes. */
export const CONTACT_CHECK_LENGTH = 8;

/** The 8-byte check over a handle and its keys' fingerprint. */
export function contactCheck(identity: PublicIdentity): Uint8Array {
  return sha256(encodeLengthPrefixed(['sealpass/v1/contact-code', identity.handle, keyFingerprint(identity)])).slice(0, CONTACT_CHECK_LENGTH);
}
