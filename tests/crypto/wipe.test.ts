/** wipe: best-effort zeroing of key buffers (STYLE: documented as best-effort; it cannot reach engine copies). */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/crypto/generate-key';
import type { VaultKey } from '../../lib/crypto/keys';
import { wipe } from '../../lib/crypto/wipe';

describe('wipe', () => {
  it('zeroes every given buffer in place', () => {
    const a = generateKey<VaultKey>();
    const b = new Uint8Array(100).fill(0xff);
    wipe(a, b);
    expect(a).toEqual(new Uint8Array(32));
    expect(b).toEqual(new Uint8Array(100));
  });

  it('skips undefined entries, so optional keys can be wiped without checks', () => {
    const a = new Uint8Array(8).fill(1);
    expect(() => wipe(undefined, a, undefined)).not.toThrow();
    expect(a).toEqual(new Uint8Array(8));
  });

  it('accepts no arguments and empty buffers', () => {
    expect(() => wipe()).not.toThrow();
    expect(() => wipe(new Uint8Array(0))).not.toThrow();
  });

  it('wipes only the window of a subarray, not the rest of its buffer', () => {
    // Views share memory: wiping a view clears the shared bytes and nothing outside it.
    const whole = new Uint8Array(8).fill(9);
    wipe(whole.subarray(2, 4));
    expect([...whole]).toEqual([9, 9, 0, 0, 9, 9, 9, 9]);
  });
});
