/** asKey: the runtime check behind the key brands (exactly 32 bytes, used as is). */
import { describe, expect, it } from 'vitest';
import { asKey, KEY_LENGTH, type VaultKey } from '../../lib/crypto/keys';

describe('asKey', () => {
  it('accepts 32 bytes and returns the same array, not a copy', () => {
    // Not copying matters for wipe(): zeroing the key must zero the bytes the caller handed in.
    const bytes = new Uint8Array(KEY_LENGTH);
    expect(asKey<VaultKey>(bytes)).toBe(bytes);
  });

  it.each([0, 16, 31, 33, 64])('refuses %i bytes with RangeError', (length) => {
    expect(() => asKey<VaultKey>(new Uint8Array(length))).toThrow(RangeError);
  });

  it('refuses values that are not a Uint8Array', () => {
    expect(() => asKey<VaultKey>(Array.from({ length: 32 }, () => 0) as unknown as Uint8Array)).toThrow(RangeError);
    expect(() => asKey<VaultKey>('0'.repeat(32) as unknown as Uint8Array)).toThrow(RangeError);
    expect(() => asKey<VaultKey>(new Uint16Array(32) as unknown as Uint8Array)).toThrow(RangeError);
  });
});
