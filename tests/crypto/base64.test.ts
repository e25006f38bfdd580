/** toBase64 / fromBase64: RFC 4648 §10 vectors, round trips, and refusal of anything but canonical padded base64. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('base64, RFC 4648 §10 test vectors', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('"%s" <-> "%s"', (plain, encoded) => {
    expect(toBase64(ascii(plain))).toBe(encoded);
    expect(fromBase64(encoded)).toEqual(ascii(plain));
  });
});

describe('base64 round trips', () => {
  it('decode(encode(bytes)) = bytes, and encode equals node:Buffer (seeded property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { seed: 0x4648, numRuns: 500 },
    );
  });

  it('uses the full alphabet, including + and /', () => {
    expect(toBase64(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('+/+/');
    expect(fromBase64('+/+/')).toEqual(Uint8Array.of(0xfb, 0xff, 0xbf));
  });

  it('handles inputs longer than one 32 KiB encoding chunk', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});

describe('fromBase64 refuses non-canonical input', () => {
  it.each([
    ['padding bits set (QR== would decode like QQ==)', 'QR=='],
    ['padding bits set (QUJ= would decode like QUI=)', 'QUJ='],
    ['padding bits set after full groups', 'Zm9vYh=='],
    ['missing padding', 'Zg'],
    ['missing one padding character', 'Zm8'],
    ['too much padding', 'Zg==='],
    ['padding only', '=='],
    ['padding in the middle', 'Zg==Zg=='],
    ['a lone character', 'Z'],
    ['URL-safe alphabet', '-_-_'],
    ['leading whitespace', ' Zm9v'],
    ['trailing newline', 'Zm9v\n'],
    ['inner space', 'Zm9v Zm9v'],
    ['non-ASCII', 'Zm9vé==='],
  ])('%s: %j', (_name, text) => {
    expect(() => fromBase64(text)).toThrow(SyntaxError);
    expect(() => fromBase64(text)).toThrow('base64: invalid input');
  });

  it('every encoding with padding bits set is refused (seeded property)', () => {
    // One byte string must have one encoding, or a ciphertext could be stored under two spellings.
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((b) => b.length % 3 !== 0), fc.integer({ min: 1, max: 15 }), (bytes, bits) => {
        const text = toBase64(bytes);
        const last = text.replace(/=+$/, '').length - 1;
        // With "==" the last symbol carries 4 padding bits, with "=" it carries 2.
        const mask = text.endsWith('==') ? 0b1111 : 0b11;
        if ((bits & mask) === 0) return;
        const index = ALPHABET.indexOf(text[last]!) | (bits & mask);
        const tampered = text.slice(0, last) + ALPHABET[index] + text.slice(last + 1);
        expect(() => fromBase64(tampered)).toThrow(SyntaxError);
      }),
      { seed: 0x64, numRuns: 300 },
    );
  });

  it('refuses values that are not strings, as untrusted JSON may hold them', () => {
    // "null" would otherwise match the pattern as four base64 characters once coerced to text.
    expect(() => fromBase64(null as unknown as string)).toThrow(SyntaxError);
    expect(() => fromBase64(undefined as unknown as string)).toThrow(SyntaxError);
  });
});
