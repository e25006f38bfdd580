/** Uniform random integers in [0, n) from the platform CSPRNG, by rejection sampling (THREATS T22). */

/** 2^32, the number of values a Uint32 draw can take. */
const UINT32_RANGE = 0x1_0000_0000;

/**
 * Returns an integer drawn uniformly from [0, n) using `crypto.getRandomValues`.
 *
 * Each attempt draws one 32-bit word `x`. Values at or above the largest multiple of `n` below 2^32 are
 * rejected and redrawn, so `x % n` has no modulo bias. At most half of the draws are rejected (when n is
 * just above 2^31), so the expected number of draws is below 2.
 *
 * @param n - size of the range, an integer in 1..2^32
 * @returns an integer in 0..n-1
 * @throws RangeError when `n` is not an integer in 1..2^32
 * @example
 * const die = randomIndex(6) + 1; // 1..6, each with probability 1/6
 */
export function randomIndex(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > UINT32_RANGE) {
    throw new RangeError(`randomIndex: n must be an integer in 1..2^32, got ${String(n)}`);
  }
  if (n === 1) return 0;
  // Largest multiple of n that fits in 2^32; draws in [limit, 2^32) would favour small residues.
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    const x = word[0] ?? 0;
    if (x < limit) return x % n;
  }
}
