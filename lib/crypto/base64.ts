/** Standard base64 (RFC 4648 §4) for bytes that travel in JSON, by @scure/base; strict on decode. */
import { base64 } from '@scure/base';

/**
 * Encodes bytes as padded base64: 4 characters per 3 bytes, the last group padded with `=`.
 * @example toBase64(Uint8Array.of(0x66, 0x6f)) // 'Zm8='
 */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/**
 * Decodes padded base64, accepting only the one spelling toBase64 produces, so a byte string cannot be
 * stored under two encodings. @scure/base refuses on its own (tests/crypto/base64.test.ts checks each):
 * missing or extra padding, padding before the end, non-zero padding bits ("QR==" for "QQ=="), whitespace,
 * the URL-safe alphabet and non-strings. Where the native `Uint8Array.fromBase64` exists it uses that, with
 * `lastChunkHandling: 'strict'` and its own whitespace check, so the browser is as strict as Node.
 * @throws SyntaxError when `text` is not canonical padded base64
 */
export function fromBase64(text: string): Uint8Array {
  try {
    return base64.decode(text);
  } catch {
    // One error for every cause; @scure/base's messages would also quote the offending character.
    throw new SyntaxError('base64: invalid input');
  }
}
