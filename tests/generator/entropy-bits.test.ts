/** passwordEntropyBits and passphraseEntropyBits: closed forms, brute-force counts, option errors. */
import { describe, expect, it } from 'vitest';
import { passphraseEntropyBits, passwordEntropyBits } from '../../lib/generator/entropy-bits';
import { DEFAULT_PASSPHRASE_OPTIONS } from '../../lib/generator/generate-passphrase';
import { DEFAULT_PASSWORD_OPTIONS, type PasswordOptions } from '../../lib/generator/generate-password';

const NONE: PasswordOptions = { length: 20, lower: false, upper: false, digits: false, symbols: false };

/** Counts, by enumeration, the strings over `alphabet` of `length` with a character of every class. */
function bruteForceCount(alphabet: string, length: number, classes: readonly string[]): number {
  let count = 0;
  const total = alphabet.length ** length;
  for (let n = 0; n < total; n++) {
    let text = '';
    for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / alphabet.length)) {
      text += alphabet[rest % alphabet.length] ?? '';
    }
    if (classes.every((set) => [...set].some((c) => text.includes(c)))) count++;
  }
  return count;
}

describe('passwordEntropyBits', () => {
  it('is length · log2(size) for a single class', () => {
    expect(passwordEntropyBits({ ...NONE, length: 16, lower: true })).toBeCloseTo(16 * Math.log2(26), 10);
    expect(passwordEntropyBits({ ...NONE, length: 6, digits: true })).toBeCloseTo(6 * Math.log2(10), 10);
  });

  it('subtracts the strings missing a class: 36^4 − 26^4 − 10^4 for lower + digits at length 4', () => {
    expect(passwordEntropyBits({ ...NONE, length: 4, lower: true, digits: true })).toBeCloseTo(
      Math.log2(36 ** 4 - 26 ** 4 - 10 ** 4),
      10,
    );
  });

  it('matches a brute-force count for overlapping required classes', () => {
    const options: PasswordOptions = { ...NONE, length: 5, required: ['ab', 'bc', 'd'] };
    expect(passwordEntropyBits(options)).toBeCloseTo(Math.log2(bruteForceCount('abcd', 5, ['ab', 'bc', 'd'])), 10);
  });

  it('is just under 20 · log2 90 for the defaults', () => {
    const bits = passwordEntropyBits(DEFAULT_PASSWORD_OPTIONS);
    expect(bits).toBeLessThan(20 * Math.log2(90));
    expect(bits).toBeGreaterThan(129.6);
  });

  it('honours avoidAmbiguous and allowed', () => {
    expect(passwordEntropyBits({ ...NONE, length: 10, digits: true, avoidAmbiguous: true })).toBeCloseTo(10 * Math.log2(8), 10);
    expect(passwordEntropyBits({ ...NONE, length: 10, lower: true, allowed: 'abcd' })).toBeCloseTo(20, 10);
  });

  it('stays finite for 128 characters over a large alphabet', () => {
    const bits = passwordEntropyBits({ ...DEFAULT_PASSWORD_OPTIONS, length: 128, required: ['äöüßéèêàç€£¥'] });
    expect(Number.isFinite(bits)).toBe(true);
    expect(bits).toBeGreaterThan(128 * Math.log2(90));
    expect(bits).toBeLessThan(128 * Math.log2(102));
  });

  it('falls back to the lower bound Σ log2|class| + (length − classes) · log2|alphabet| past 16 classes', () => {
    const required = [...'abcdefghijklmnopq']; // 17 one-character classes
    expect(passwordEntropyBits({ ...NONE, length: 20, required })).toBeCloseTo(3 * Math.log2(17), 10);
  });

  it('rejects invalid options like generatePassword', () => {
    expect(() => passwordEntropyBits(NONE)).toThrow(RangeError);
    expect(() => passwordEntropyBits({ ...DEFAULT_PASSWORD_OPTIONS, length: 3 })).toThrow(RangeError);
  });
});

describe('passphraseEntropyBits', () => {
  it('is 11 bits per word', () => {
    expect(passphraseEntropyBits(DEFAULT_PASSPHRASE_OPTIONS)).toBe(66);
    expect(passphraseEntropyBits({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 20, capitalize: true })).toBe(220);
  });

  it('adds log2 10 for the digit and log2 words for where it goes', () => {
    expect(passphraseEntropyBits({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 5, includeNumber: true })).toBeCloseTo(
      55 + Math.log2(10) + Math.log2(5),
      10,
    );
  });

  it('rejects invalid options like generatePassphrase', () => {
    expect(() => passphraseEntropyBits({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 2 })).toThrow(RangeError);
  });
});
