/** Reads a pasted or scanned contact code (format in contact-code.ts); strict about every byte. */
import { equalBytes } from '@noble/ciphers/utils.js';
import { fromBase64Url } from '../../crypto/base64url';
import { handleSchema } from '../../relay-protocol/identity-bundle';
import { CONTACT_CHECK_LENGTH, CONTACT_CODE_PREFIX, CONTACT_CODE_V2_PREFIX, contactCheck, type ContactCodeContent } from './contact-code';

/** Thrown for anything that is not a valid contact code; one message for every cause. */
export class ContactCodeError extends Error {
  override name = 'ContactCodeError';
  constructor() {
    super('not a valid Sealpass contact code');
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * @param text - untrusted; surrounding whitespace is ignored
 * @returns the handle and public keys (v1), or the handle, classic keys and the X-Wing key's hash (v2),
 *   to pin as a verified contact (v2: with the relay's bundle, which must match, bundleMatchesCode)
 * @throws ContactCodeError for a wrong prefix, bad base64url, wrong lengths, an invalid handle or a failed check
 */
export function decodeContactCode(text: string): ContactCodeContent {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const v2 = trimmed.startsWith(CONTACT_CODE_V2_PREFIX);
  if (!v2 && !trimmed.startsWith(CONTACT_CODE_PREFIX)) throw new ContactCodeError();
  const body = trimmed.slice((v2 ? CONTACT_CODE_V2_PREFIX : CONTACT_CODE_PREFIX).length);
  if (body.length > 400) throw new ContactCodeError();
  let payload: Uint8Array;
  try {
    // Only the canonical unpadded form passes: padding, other alphabets and stray bits after the last byte fail here.
    payload = fromBase64Url(body);
  } catch {
    throw new ContactCodeError();
  }
  const handleLength = payload[0] ?? 0;
  const hashLength = v2 ? 32 : 0;
  if (payload.length !== 1 + handleLength + 64 + hashLength + CONTACT_CHECK_LENGTH) throw new ContactCodeError();
  let handle: string;
  try {
    handle = handleSchema.parse(decoder.decode(payload.subarray(1, 1 + handleLength)));
  } catch {
    throw new ContactCodeError();
  }
  const keysAt = 1 + handleLength;
  const content: ContactCodeContent = {
    handle,
    encryptionKey: payload.slice(keysAt, keysAt + 32),
    signingKey: payload.slice(keysAt + 32, keysAt + 64),
    ...(v2 ? { xwingKeyHash: payload.slice(keysAt + 64, keysAt + 96) } : {}),
  };
  if (!equalBytes(contactCheck(content), payload.subarray(keysAt + 64 + hashLength))) throw new ContactCodeError();
  return content;
}
