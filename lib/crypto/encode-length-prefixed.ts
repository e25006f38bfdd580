/**
 * The one canonical encoding of a list of fields for hashing and signing: each field as
 * `u32be length ‖ bytes`, text as UTF-8, so no two different lists encode to the same bytes.
 */

/** One encoder for every call (noble's utf8ToBytes makes one, and a copy, per field). */
const utf8 = new TextEncoder();

/**
 * Encodes fields in order, each length-prefixed.
 * @param fields - bytes, or text encoded as UTF-8; each under 4 GiB
 * @returns `Σ (4 + field length)` bytes
 * @example encodeLengthPrefixed(['sealpass/v1/key-fingerprint', encryptionKey, signingKey])
 */
export function encodeLengthPrefixed(fields: readonly (Uint8Array | string)[]): Uint8Array {
  // Room for the worst case (3 UTF-8 bytes per UTF-16 unit), encoded in place, then cut to size: one
  // buffer rather than one per field.
  let room = 0;
  for (const field of fields) room += 4 + (typeof field === 'string' ? field.length * 3 : field.length);
  const out = new Uint8Array(room);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const field of fields) {
    let length: number;
    if (typeof field === 'string') {
      length = utf8.encodeInto(field, out.subarray(offset + 4)).written;
    } else {
      out.set(field, offset + 4);
      length = field.length;
    }
    view.setUint32(offset, length);
    offset += 4 + length;
  }
  return out.slice(0, offset);
}
