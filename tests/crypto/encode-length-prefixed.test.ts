/** encodeLengthPrefixed: the exact layout, and that different field lists never collide. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeLengthPrefixed } from '../../lib/crypto/encode-length-prefixed';

describe('encodeLengthPrefixed', () => {
  it('writes u32be length ‖ bytes per field, text as UTF-8', () => {
    expect(bytesToHex(encodeLengthPrefixed(['ab', Uint8Array.of(0xff), '', 'é']))).toBe('000000026162' + '00000001ff' + '00000000' + '00000002c3a9');
    expect(encodeLengthPrefixed([])).toHaveLength(0);
  });

  it('moving bytes between fields changes the encoding', () => {
    const a = bytesToHex(encodeLengthPrefixed(['ab', 'c']));
    expect(bytesToHex(encodeLengthPrefixed(['a', 'bc']))).not.toBe(a);
    expect(bytesToHex(encodeLengthPrefixed(['abc']))).not.toBe(a);
    expect(bytesToHex(encodeLengthPrefixed(['ab', 'c', '']))).not.toBe(a);
  });
});
