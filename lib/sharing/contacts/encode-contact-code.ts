/** Writes a contact code (format in contact-code.ts). */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '../../crypto/base64url';
import { CONTACT_CODE_PREFIX, contactCheck } from './contact-code';
import type { PublicIdentity } from '../identity/identity';

/**
 * @param identity - a handle (at most 32 ASCII characters) and two 32-byte public keys
 * @returns `sealpass:contact:v1:<base64url>`, about 130 characters for a 10-letter handle
 * @throws RangeError for keys that are not 32 bytes or a handle longer than 255 bytes
 */
export function encodeContactCode(identity: PublicIdentity): string {
  const handle = utf8ToBytes(identity.handle);
  if (identity.encryptionKey.length !== 32 || identity.signingKey.length !== 32) throw new RangeError('encodeContactCode: keys must be 32 bytes');
  if (handle.length > 255) throw new RangeError('encodeContactCode: handle too long');
  const payload = concatBytes(Uint8Array.of(handle.length), handle, identity.encryptionKey, identity.signingKey, contactCheck(identity));
  return CONTACT_CODE_PREFIX + toBase64Url(payload);
}
