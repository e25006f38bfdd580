/**
 * Parsing pasted TOTP secrets: base32 keys and otpauth links, and their rejections; and agreement of the
 * @scure/base decoder with the hand-written one it replaced, which read the secrets already saved.
 */
import { base32 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32, parseTotpSecret } from '../../lib/totp/parse-totp-secret';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** decodeBase32 before @scure/base, verbatim. */
function referenceDecodeBase32(text: string): Uint8Array {
  const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (clean.length === 0) throw new SyntaxError('totp: the secret is empty');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new SyntaxError('totp: the secret may only hold letters A–Z and digits 2–7');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** What a decoder made of `text`: its bytes in hex, or its error message. */
function outcome(decode: (text: string) => Uint8Array, text: string): string {
  try {
    return hex(decode(text));
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return (error as Error).message;
  }
}

describe('decodeBase32 (RFC 4648 §10 vectors)', () => {
  it.each([['MY', 'f'], ['MZXQ', 'fo'], ['MZXW6', 'foo'], ['MZXW6YQ', 'foob'], ['MZXW6YTB', 'fooba'], ['MZXW6YTBOI', 'foobar']])('%s → %s', (b32, text) => {
    expect(new TextDecoder().decode(decodeBase32(b32))).toBe(text);
    expect(new TextDecoder().decode(decodeBase32(`${b32.toLowerCase()}====`))).toBe(text);
  });
  it('ignores spaces and dashes', () => {
    expect(hex(decodeBase32('JBSW Y3DP-EHPK 3PXP'))).toBe(hex(decodeBase32('JBSWY3DPEHPK3PXP')));
  });
  it('takes padding missing, short or long, and a dash or space anywhere', () => {
    for (const text of ['MZXW6YQ', 'MZXW6YQ=', 'MZXW6YQ==========', 'mzxw-6yq=', ' M Z X W 6 Y Q \n', 'MZXW6YQ= ']) {
      expect(new TextDecoder().decode(decodeBase32(text)), JSON.stringify(text)).toBe('foob');
    }
  });
  it.each([
    ['stray bits in the last character (MZ reads as MY)', 'MZ', '66'],
    ['stray bits after full bytes', 'MZXW7', '666f6f'],
    ['a dangling character that completes no byte', 'MZXW6Y', '666f6f'],
    ['a lone character', 'M', ''],
  ])('reads a non-canonical secret as authenticator apps do: %s', (_name, text, expected) => {
    // Some services issue random base32 strings rather than encoded bytes; the bits after the last
    // whole byte are dropped, as before.
    expect(hex(decodeBase32(text))).toBe(expected);
  });
  it.each([
    ['a digit outside 2–7', 'JBSW1Y3DP', /letters A–Z and digits 2–7/],
    ['padding in the middle', 'JBSW=Y3DP', /letters A–Z and digits 2–7/],
    ['another alphabet (base64)', 'JBSW+Y3DP', /letters A–Z and digits 2–7/],
    ['a non-ASCII letter that upper-cases to ASCII ("ß" to "SS")', 'JBSWY3Dß', /letters A–Z and digits 2–7/],
    ['nothing but spaces', '  ', /empty/],
    ['nothing but padding and dashes', '-==', /empty/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => decodeBase32(text)).toThrow(SyntaxError);
    expect(() => decodeBase32(text)).toThrow(message);
  });
  it('never quotes the secret in its error', () => {
    for (const secret of ['SECRET0VALUE', 'secret0value', 'SECRETVALUEß', 'SECRET VALUE 1']) {
      expect(() => decodeBase32(secret)).toThrow(SyntaxError);
      expect(() => decodeBase32(secret)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
      expect(() => decodeBase32(secret)).toThrow(/^totp: the secret may only hold letters A–Z and digits 2–7$/);
      expect(() => parseTotpSecret(`otpauth://totp/x?secret=${encodeURIComponent(secret)}`)).toThrow(/^totp: the secret may only hold/);
    }
  });
});

describe('decodeBase32 agrees with the decoder it replaced (seeded properties)', () => {
  it('on base32 as pasted: any case, spaces, dashes, any padding, any length', () => {
    const char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz', ' ', '-');
    const pasted = fc.tuple(fc.array(char, { maxLength: 60 }), fc.nat({ max: 9 })).map(([chars, pad]) => chars.join('') + '='.repeat(pad));
    fc.assert(
      fc.property(pasted, (text) => {
        expect(outcome(decodeBase32, text)).toBe(outcome(referenceDecodeBase32, text));
      }),
      { seed: 0x3238, numRuns: 3000 },
    );
  });

  it('on any ASCII text, including what it refuses and why', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 24 }), (text) => {
        expect(outcome(decodeBase32, text)).toBe(outcome(referenceDecodeBase32, text));
      }),
      { seed: 0x6238, numRuns: 3000 },
    );
  });

  it('on encodings of random keys, which it decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (key) => {
        const text = base32.encode(key);
        expect(decodeBase32(text)).toEqual(key);
        expect(decodeBase32(text.toLowerCase().replace(/=+$/, ''))).toEqual(key);
        expect(referenceDecodeBase32(text)).toEqual(key);
      }),
      { seed: 0x0b32, numRuns: 1000 },
    );
  });
});

describe('parseTotpSecret', () => {
  it('defaults a bare key to SHA1, 6 digits, 30 s', () => {
    const config = parseTotpSecret('JBSWY3DPEHPK3PXP');
    expect(config).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(config.key.length).toBe(10);
  });
  it('reads algorithm, digits and period from an otpauth link', () => {
    const config = parseTotpSecret('otpauth://totp/ACME:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME&algorithm=SHA256&digits=8&period=60');
    expect(config).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
  });
  it.each([
    ['otpauth://hotp/x?secret=JBSWY3DP&counter=1', /totp/],
    ['otpauth://totp/x', /no secret/],
    ['otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5', /algorithm/],
    ['otpauth://totp/x?secret=JBSWY3DP&digits=4', /digits/],
    ['otpauth://totp/x?secret=JBSWY3DP&period=0', /period/],
  ])('refuses %s', (uri, message) => {
    expect(() => parseTotpSecret(uri)).toThrow(message);
  });
});
