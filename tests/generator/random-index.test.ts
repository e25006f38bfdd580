/** randomIndex: range checks, rejection of the biased tail, and chi-square uniformity (THREATS T22). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomIndex } from '../../lib/generator/random-index';

/** Pearson's statistic Σ (O − E)² / E. */
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => {
    const e = expected[i] ?? 0;
    return sum + ((o - e) * (o - e)) / e;
  }, 0);
}

// Upper-tail critical values of the chi-square distribution at p = 0.0001, from
// scipy.stats.chi2.isf(1e-4, df). A fair generator exceeds them once in 10,000 runs, so the tests
// practically never flake, while a biased one (e.g. plain modulo for large n) exceeds them by far.
const CHI2_CRITICAL_P0001 = { 2: 18.420680743952364, 61: 110.83966151199243 } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('randomIndex', () => {
  it('returns integers in [0, n)', () => {
    for (const n of [1, 2, 3, 7, 62, 1000, 2 ** 31 + 1, 2 ** 32]) {
      for (let i = 0; i < 200; i++) {
        const x = randomIndex(n);
        expect(Number.isInteger(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(n);
      }
    }
  });

  it('returns 0 for n = 1', () => {
    expect(randomIndex(1)).toBe(0);
  });

  it.each([0, -1, 1.5, 2 ** 32 + 1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER])(
    'rejects n = %s with RangeError',
    (n) => {
      expect(() => randomIndex(n)).toThrow(RangeError);
    },
  );

  it('redraws values in the biased tail instead of reducing them', () => {
    // For n = 3 the accepted draws are 0 .. 2^32 − 2 (a multiple of 3 values); 2^32 − 1 must be redrawn.
    const draws = [0xffff_ffff, 0xffff_ffff, 5];
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array) array[0] = draws.shift() ?? 0;
      return array;
    });
    expect(randomIndex(3)).toBe(5 % 3);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('accepts every draw when n divides 2^32', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array) array[0] = 0xffff_ffff;
      return array;
    });
    expect(randomIndex(2 ** 32)).toBe(0xffff_ffff);
    expect(randomIndex(256)).toBe(255);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('is uniform over 62 values (chi-square, 200,000 draws, df = 61, p = 0.0001)', () => {
    const n = 62;
    const draws = 200_000;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < draws; i++) {
      const x = randomIndex(n);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    const statistic = chiSquare(counts, new Array<number>(n).fill(draws / n));
    expect(statistic).toBeLessThan(CHI2_CRITICAL_P0001[61]);
  });

  it('has no modulo bias for n = 3·2^30 (chi-square over thirds, 30,000 draws, df = 2, p = 0.0001)', () => {
    // With plain `x % n` the first third [0, 2^30) would be hit by x and by x + n: probability 1/2, not
    // 1/3, giving a statistic near 3,750 here. Rejection sampling keeps the thirds equal.
    const n = 3 * 2 ** 30;
    const draws = 30_000;
    const thirds = [0, 0, 0];
    for (let i = 0; i < draws; i++) {
      const third = Math.floor(randomIndex(n) / 2 ** 30);
      thirds[third] = (thirds[third] ?? 0) + 1;
    }
    const statistic = chiSquare(thirds, [draws / 3, draws / 3, draws / 3]);
    expect(statistic).toBeLessThan(CHI2_CRITICAL_P0001[2]);
  });
});
