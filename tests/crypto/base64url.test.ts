/**
 * toBase64Url / fromBase64Url: RFC 4648 §10 vectors in the §5 alphabet without padding, round trips,
 * refusal of anything but the canonical unpadded form, and agreement with what contact codes did before
 * (the old base64 codec with characters swapped and padding restored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../lib/crypto/base64url';
import { referenceFromBase64, referenceToBase64 } from './reference-base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** lib/sharing/contacts before @scure/base: the old base64 codec behind a character swap and re-padding, verbatim. */
const reference = {
  toBase64Url: (bytes: Uint8Array) => referenceToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  fromBase64Url(body: string): Uint8Array {
    if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new SyntaxError('base64url: invalid input');
    return referenceFromBase64(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4));
  },
};

function outcome(decode: (text: string) => Uint8Array, text: string): string {
  try {
    return Buffer.from(decode(text)).toString('hex');
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return 'refused';
  }
}

describe('base64url, RFC 4648 §10 test vectors without padding', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('"%s" <-> "%s"', (plain, encoded) => {
    expect(toBase64Url(ascii(plain))).toBe(encoded);
    expect(fromBase64Url(encoded)).toEqual(ascii(plain));
  });

  it('uses the URL-safe alphabet, - and _ for + and /', () => {
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(fromBase64Url('-_-_')).toEqual(Uint8Array.of(0xfb, 0xff, 0xbf));
  });
});

describe('base64url round trips (seeded properties)', () => {
  it('decode(encode(bytes)) = bytes, and encode equals node:Buffer and the old contact-code encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(text).toBe(reference.toBase64Url(bytes));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { seed: 0x4648, numRuns: 1000 },
    );
  });

  it('accepts and refuses the same strings as the old contact-code decoding, with the same bytes', () => {
    const near = fc.constantFrom(...ALPHABET, '+', '/', '=', ' ', '\n', 'é');
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(near, { maxLength: 11 }).map((chars) => chars.join('')), (text) => {
        const expected = outcome(reference.fromBase64Url, text);
        expect(outcome(fromBase64Url, text)).toBe(expected);
        if (expected !== 'refused') accepted++;
      }),
      { seed: 0x55, numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

describe('fromBase64Url refuses non-canonical input', () => {
  it.each([
    ['padding', 'Zg=='],
    ['one padding character', 'Zm8='],
    ['bits set after the last byte (Zh would decode like Zg)', 'Zh'],
    ['bits set after the last byte (Zm9 would decode like Zm8)', 'Zm9'],
    ['a lone character', 'Z'],
    ['a dangling character after full groups', 'Zm9vY'],
    ['the standard alphabet', '+/+/'],
    ['a standard-alphabet character in one place', 'Zm9/'],
    ['leading whitespace', ' Zm9v'],
    ['trailing newline', 'Zm9v\n'],
    ['inner space', 'Zm9v Zm9v'],
    ['non-ASCII', 'Zm9vé'],
  ])('%s: %j', (_name, text) => {
    expect(() => fromBase64Url(text)).toThrow(SyntaxError);
    expect(() => fromBase64Url(text)).toThrow(/^base64url: invalid input$/);
  });

  it('every encoding with bits set after the last byte is refused (seeded property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((b) => b.length % 3 !== 0), fc.integer({ min: 1, max: 15 }), (bytes, bits) => {
        const text = toBase64Url(bytes);
        // One byte over a group leaves 4 spare bits in the last symbol, two bytes leave 2.
        const mask = bytes.length % 3 === 1 ? 0b1111 : 0b11;
        if ((bits & mask) === 0) return;
        const index = ALPHABET.indexOf(text.at(-1)!) | (bits & mask);
        expect(() => fromBase64Url(text.slice(0, -1) + ALPHABET[index])).toThrow(SyntaxError);
      }),
      { seed: 0x64, numRuns: 300 },
    );
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 1234, ['Zm9v'], ascii('Zm9v')]) {
      expect(() => fromBase64Url(value as unknown as string)).toThrow(SyntaxError);
    }
  });
});
