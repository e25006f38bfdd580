/** Standard base64 (RFC 4648 §4) for bytes that travel in JSON; strict on decode. */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as padded base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Decodes padded base64.
 * @throws SyntaxError when `text` is not canonical padded base64
 */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new SyntaxError('base64: invalid input');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  // The pattern alone lets non-zero padding bits through ("QR==" decodes like "QQ=="), so one
  // byte string would have several encodings; only the one toBase64 produces is accepted.
  if (toBase64(out) !== text) throw new SyntaxError('base64: invalid input');
  return out;
}
