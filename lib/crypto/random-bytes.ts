/**
 * Cryptographically secure random bytes from the platform CSPRNG (Web Crypto).
 *
 * Small draws (item keys, nonces, ids: 16–32 bytes) come from a 64 KiB pool filled by one
 * `crypto.getRandomValues` call: an import seals three of them per item, and 30,000 separate calls cost
 * about 300 ms in Chromium against 45 ms pooled (issue 15). Each byte is handed out once and zeroed in the
 * pool as it is taken, so a key drawn from it does not linger there; bytes not yet drawn are as secret as
 * the keys they will become and live, like them, only in this context's memory.
 */

/** Draws of at most this many bytes come from the pool; larger ones straight from the CSPRNG. */
const POOLED_MAX = 256;
/** The pool: one `getRandomValues` call's maximum. */
const POOL_SIZE = 65536;

let pool: Uint8Array | null = null;
let offset = POOL_SIZE;

/**
 * Returns `length` random bytes from `crypto.getRandomValues`, a fresh array the caller owns.
 * @param length - number of bytes, 0..65536
 */
export function randomBytes(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 65536) {
    throw new RangeError('randomBytes: length must be an integer in 0..65536');
  }
  if (length > POOLED_MAX) return crypto.getRandomValues(new Uint8Array(length));
  if (pool === null || offset + length > POOL_SIZE) {
    pool ??= new Uint8Array(POOL_SIZE);
    crypto.getRandomValues(pool);
    offset = 0;
  }
  const out = pool.slice(offset, offset + length);
  pool.fill(0, offset, offset + length);
  offset += length;
  return out;
}
