/** Writes a contact code (format in contact-code.ts): v2 for an identity with an X-Wing key, else v1. */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '../../crypto/base64url';
import { CONTACT_CODE_PREFIX, CONTACT_CODE_V2_PREFIX, contactCheck } from './contact-code';
import type { PublicIdentity } from '../identity/identity';

/**
 * @param identity - a handle (at most 32 ASCII characters), two 32-byte public keys and an optional X-Wing key
 * @returns `sealpass:contact:v1:<base64url>`, about 130 characters for a 10-letter handle, or
 *   `sealpass:contact:v2:<base64url>`, about 175
 * @throws RangeError for keys that are not 32 bytes or a handle longer than 255 bytes
 */
export function encodeContactCode(identity: PublicIdentity): string {
  const handle = utf8ToBytes(identity.handle);
  if (identity.encryptionKey.length !== 32 || identity.signingKey.length !== 32) throw new RangeError('encodeContactCode: keys must be 32 bytes');
  if (handle.length > 255) throw new RangeError('encodeContactCode: handle too long');
  const content = {
    handle: identity.handle,
    encryptionKey: identity.encryptionKey,
    signingKey: identity.signingKey,
    ...(identity.xwingKey ? { xwingKeyHash: sha256(identity.xwingKey) } : {}),
  };
  const hash = content.xwingKeyHash ?? new Uint8Array(0);
  const payload = concatBytes(Uint8Array.of(handle.length), handle, identity.encryptionKey, identity.signingKey, hash, contactCheck(content));
  return (content.xwingKeyHash ? CONTACT_CODE_V2_PREFIX : CONTACT_CODE_PREFIX) + toBase64Url(payload);
}
