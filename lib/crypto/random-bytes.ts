/** Cryptographically secure random bytes from the platform CSPRNG (Web Crypto). */

/**
 * Returns `length` random bytes from `crypto.getRandomValues`.
 * @param length - number of bytes, 0..65536
 */
export function randomBytes(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 65536) {
    throw new RangeError('randomBytes: length must be an integer in 0..65536');
  }
  return crypto.getRandomValues(new Uint8Array(length));
}
