/** randomBytes: lengths, range errors, and that the bytes come from crypto.getRandomValues. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from '../../lib/crypto/random-bytes';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('randomBytes', () => {
  it.each([0, 1, 16, 24, 32, 65536])('returns a Uint8Array of %i bytes', (length) => {
    const bytes = randomBytes(length);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toHaveLength(length);
  });

  it('returns different bytes on each call', () => {
    // Two equal 32-byte draws would happen with probability 2^-256: a failure means a broken source.
    expect(bytesToHex(randomBytes(32))).not.toBe(bytesToHex(randomBytes(32)));
  });

  it('draws a large request straight from the platform CSPRNG (crypto.getRandomValues)', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const bytes = randomBytes(4096);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.results[0]?.value).toBe(bytes);
  });

  it('serves small draws from a 64 KiB pool: one CSPRNG call per 2,730 nonces, and no byte handed out twice', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const draws = Array.from({ length: 2731 }, () => randomBytes(24));
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    for (const call of spy.mock.calls) expect((call[0] as Uint8Array).length).toBe(65536);
    // Overlapping or repeated slices would show as equal 24-byte draws (probability 2^-192 each otherwise).
    expect(new Set(draws.map((d) => bytesToHex(d))).size).toBe(draws.length);
    // Each draw is its own copy: changing one changes no later draw.
    draws[0]!.fill(0);
    expect(randomBytes(24).some((b) => b !== 0)).toBe(true);
  });

  it('zeroes what it hands out in the pool, so a drawn key does not stay there', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    Array.from({ length: 2731 }, () => randomBytes(24)); // forces a refill
    const pool = spy.mock.calls.at(-1)![0] as Uint8Array;
    const key = randomBytes(32);
    expect(key.some((b) => b !== 0)).toBe(true);
    const at = pool.findIndex((_, i) => i + 32 <= pool.length && pool.subarray(i, i + 32).every((b, j) => b === key[j]));
    expect(at).toBe(-1);
  });

  it('does not return a constant buffer for large draws', () => {
    // Catches a source that silently leaves the array zeroed; 4 KiB of zeros has probability 2^-32768.
    expect(randomBytes(4096).some((b) => b !== 0)).toBe(true);
  });

  it.each([
    ['negative', -1],
    ['one above the Web Crypto limit of 65536', 65537],
    ['not an integer', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['text', '32' as unknown as number],
  ])('throws RangeError for a length that is %s', (_name, length) => {
    expect(() => randomBytes(length)).toThrow(RangeError);
    expect(() => randomBytes(length)).toThrow(/0\.\.65536/);
  });
});
