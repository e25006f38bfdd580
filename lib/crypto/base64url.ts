/** Unpadded base64url (RFC 4648 §5, padding dropped as §3.2 allows) for text pasted or put in links, by @scure/base; strict on decode. */
import { base64urlnopad } from '@scure/base';

/**
 * Encodes bytes as base64url without padding: 4 characters per 3 bytes, 2 or 3 for a last partial group.
 * @example toBase64Url(Uint8Array.of(0xfb, 0xff)) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/**
 * Decodes unpadded base64url, accepting only the one spelling toBase64Url produces. @scure/base refuses on
 * its own (tests/crypto/base64url.test.ts checks each): `=` padding, a dangling character that completes no
 * byte, non-zero bits after the last byte, whitespace, the standard alphabet's `+` and `/`, and non-strings.
 * @throws SyntaxError when `text` is not canonical unpadded base64url
 */
export function fromBase64Url(text: string): Uint8Array {
  try {
    return base64urlnopad.decode(text);
  } catch {
    // One error for every cause; @scure/base's messages would also quote the offending character.
    throw new SyntaxError('base64url: invalid input');
  }
}
