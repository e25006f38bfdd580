/**
 * toBase64 / fromBase64: RFC 4648 §10 vectors, round trips, refusal of anything but canonical padded
 * base64, and agreement with the hand-written codec @scure/base replaced (./reference-base64.ts).
 * Node 20 has no `Uint8Array.fromBase64`, so these run @scure/base's own decoder; where the native one
 * exists (current Chrome and Firefox, newer Node) the same cases run against it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';
import { referenceFromBase64, referenceToBase64 } from './reference-base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** What a decoder made of `text`: its bytes in hex, or that it refused. */
function outcome(decode: (text: string) => Uint8Array, text: string): string {
  try {
    return Buffer.from(decode(text)).toString('hex');
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return 'refused';
  }
}

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

  it('handles a 100 kB input', () => {
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
    ['too much padding after a full group', 'Zm9v='],
    ['a whole group of padding', 'Zm9v===='],
    ['one padding character where two belong', 'Zm9vYg='],
    ['padding only', '=='],
    ['four padding characters', '===='],
    ['padding in the middle', 'Zg==Zg=='],
    ['padding inside a group', 'Zg=v'],
    ['a lone character', 'Z'],
    ['a lone character padded (a group that completes no byte)', 'Z==='],
    ['URL-safe alphabet', '-_-_'],
    ['URL-safe alphabet in one place', 'Zm9_'],
    ['leading whitespace', ' Zm9v'],
    ['trailing newline', 'Zm9v\n'],
    ['trailing CRLF', 'Zm9v\r\n'],
    ['a tab', 'Zm9v\tZm9v'],
    ['inner space', 'Zm9v Zm9v'],
    ['inner space that keeps the length a multiple of 4', 'Zm9 Zm9v'],
    ['a line break inside the padding', 'Zg=\n='],
    ['a no-break space', 'Zm9v\u00a0Zm9'],
    ['non-ASCII', 'Zm9vé==='],
    ['a full-width letter', 'Ｚm9v'],
    ['a dot', 'Zm9.'],
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
    for (const value of [null, undefined, 1234, ['Zm9v'], { toString: () => 'Zm9v' }, ascii('Zm9v')]) {
      expect(() => fromBase64(value as unknown as string)).toThrow(SyntaxError);
      expect(() => fromBase64(value as unknown as string)).toThrow('base64: invalid input');
    }
  });

  it('does not quote the input in its error', () => {
    expect(() => fromBase64('Zm9vé===')).toThrow(/^base64: invalid input$/);
  });
});

describe('@scure/base agrees with the implementation it replaced (seeded properties)', () => {
  it('encodes every byte string the same, and decodes it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(referenceToBase64(bytes));
        expect(fromBase64(text)).toEqual(bytes);
        expect(fromBase64(text)).toEqual(referenceFromBase64(text));
      }),
      { seed: 0x5c0e, numRuns: 1000 },
    );
  });

  it('accepts and refuses the same strings, with the same bytes', () => {
    // Short strings over the alphabet, padding and near-misses, so that valid, padded, mis-padded and
    // stray-bit spellings all come up; plus damaged copies of valid encodings.
    const near = fc.constantFrom(...ALPHABET, '=', '=', '-', '_', ' ', '\n', '.', 'é');
    const arbitrary = fc.array(near, { maxLength: 12 }).map((chars) => chars.join(''));
    const damaged = fc
      .tuple(fc.uint8Array({ maxLength: 20 }), fc.nat(), near, fc.constantFrom('replace', 'insert', 'delete'))
      .map(([bytes, at, char, edit]) => {
        const text = referenceToBase64(bytes);
        const i = text.length === 0 ? 0 : at % text.length;
        if (edit === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
        if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
        return text.slice(0, i) + text.slice(i + 1);
      });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(arbitrary, damaged), (text) => {
        const expected = outcome(referenceFromBase64, text);
        expect(outcome(fromBase64, text)).toBe(expected);
        if (expected !== 'refused') accepted++;
      }),
      { seed: 0x4648, numRuns: 5000 },
    );
    // The comparison means little unless both sides accepted some of it.
    expect(accepted).toBeGreaterThan(200);
  });
});
