/**
 * The one canonical encoding of a list of fields for hashing and signing: each field as
 * `u32be length ‖ bytes`, text as UTF-8, so no two different lists encode to the same bytes.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Encodes fields in order, each length-prefixed.
 * @param fields - bytes, or text encoded as UTF-8; each under 4 GiB
 * @returns `Σ (4 + field length)` bytes
 * @example encodeLengthPrefixed(['sealpass/v1/key-fingerprint', encryptionKey, signingKey])
 */
export function encodeLengthPrefixed(fields: readonly (Uint8Array | string)[]): Uint8Array {
  const parts = fields.map((f) => (typeof f === 'string' ? utf8ToBytes(f) : f));
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const part of parts) {
    view.setUint32(offset, part.length);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}
