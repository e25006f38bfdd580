/** encodeLengthPrefixed: the exact layout, and that different field lists never collide. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeLengthPrefixed } from '../../lib/crypto/encode-length-prefixed';

describe('encodeLengthPrefixed', () => {
  it('writes u32be length ‖ bytes per field, text as UTF-8', () => {
    expect(bytesToHex(encodeLengthPrefixed(['ab', Uint8Array.of(0xff), '', 'é']))).toBe('000000026162' + '00000001ff' + '00000000' + '00000002c3a9');
    expect(encodeLengthPrefixed([])).toHaveLength(0);
  });

  it('encodes the widest text (3 bytes per UTF-16 unit, 4 per surrogate pair, a lone surrogate as U+FFFD) as TextEncoder does, in a buffer of its own size', () => {
    const text = '€😀\uD800x'.repeat(50);
    const utf8 = new TextEncoder().encode(text);
    const encoded = encodeLengthPrefixed([Uint8Array.of(1), text, '€']);
    expect(bytesToHex(encoded)).toBe('0000000101' + utf8.length.toString(16).padStart(8, '0') + bytesToHex(utf8) + '00000003e282ac');
    expect(encoded.buffer.byteLength).toBe(encoded.length);
  });

  it('moving bytes between fields changes the encoding', () => {
    const a = bytesToHex(encodeLengthPrefixed(['ab', 'c']));
    expect(bytesToHex(encodeLengthPrefixed(['a', 'bc']))).not.toBe(a);
    expect(bytesToHex(encodeLengthPrefixed(['abc']))).not.toBe(a);
    expect(bytesToHex(encodeLengthPrefixed(['ab', 'c', '']))).not.toBe(a);
  });
});
