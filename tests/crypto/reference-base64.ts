/**
 * The hand-written base64 codec @scure/base replaced (lib/crypto/base64.ts before issue 11), verbatim, as
 * the reference the new codec must agree with: btoa/atob behind a pattern and a re-encoding check.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function referenceToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function referenceFromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new SyntaxError('base64: invalid input');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  if (referenceToBase64(out) !== text) throw new SyntaxError('base64: invalid input');
  return out;
}
