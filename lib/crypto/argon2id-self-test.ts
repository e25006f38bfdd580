/**
 * RFC 9106 §5.3's Argon2id test vector, run by the offscreen KDF worker before its first derivation: the
 * implementation is checked in the very context that derives keys (the extension's Chromium), not only in tests.
 * The same values as tests/vectors/argon2id-rfc9106.json.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Argon2idInput } from './argon2id-simd';

const fill = (length: number, byte: number) => new Uint8Array(length).fill(byte);

/** RFC 9106 §5.3: 32 KiB, 3 passes, 4 lanes, 32-byte tag, with a secret and associated data. */
const RFC9106_INPUT: Argon2idInput = { password: fill(32, 0x01), salt: fill(16, 0x02), secret: fill(8, 0x03), ad: fill(12, 0x04), m: 32, t: 3, p: 4, tagLength: 32 };
const RFC9106_TAG = '0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659';

/**
 * Runs the vector through `hash` (32 KiB: about a millisecond).
 * @returns true when the tag is the RFC's
 */
export async function passesRfc9106(hash: (input: Argon2idInput) => Promise<Uint8Array>): Promise<boolean> {
  try {
    return bytesToHex(await hash(RFC9106_INPUT)) === RFC9106_TAG;
  } catch {
    return false;
  }
}
