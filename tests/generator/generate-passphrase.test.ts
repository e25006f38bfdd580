/** generatePassphrase: word count, separator, wordlist membership, options, chi-square word frequencies (T22). */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSPHRASE_OPTIONS,
  generatePassphrase,
  type PassphraseOptions,
} from '../../lib/generator/generate-passphrase';

const WORDS = new Set(wordlist);

// scipy.stats.chi2.isf(1e-4, 2047): 2048 words, 2047 degrees of freedom. A fair generator exceeds it
// once in 10,000 runs, so the test practically never flakes.
const CHI2_CRITICAL_P0001_DF2047 = 2293.5555591129887;

describe('generatePassphrase', () => {
  it('uses the 2048-word BIP-39 English list', () => {
    expect(wordlist).toHaveLength(2048);
    expect(WORDS.size).toBe(2048);
  });

  it('defaults to six words joined by "-" (T22 asks at least five)', () => {
    expect(DEFAULT_PASSPHRASE_OPTIONS).toEqual({ words: 6, separator: '-', capitalize: false, includeNumber: false });
    expect(DEFAULT_PASSPHRASE_OPTIONS.words).toBeGreaterThanOrEqual(5);
    const words = generatePassphrase(DEFAULT_PASSPHRASE_OPTIONS).split('-');
    expect(words).toHaveLength(6);
    expect(words.every((word) => WORDS.has(word))).toBe(true);
  });

  it('honours any word count, separator and capitalisation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }),
        fc.constantFrom('-', ' ', '.', '_', '+', '::', '–', '1'),
        fc.boolean(),
        (count, separator, capitalize) => {
          const phrase = generatePassphrase({ words: count, separator, capitalize, includeNumber: false });
          const words = phrase.split(separator);
          expect(words).toHaveLength(count);
          for (const word of words) {
            expect(WORDS.has(capitalize ? word.charAt(0).toLowerCase() + word.slice(1) : word)).toBe(true);
            if (capitalize) expect(word.charAt(0)).toMatch(/[A-Z]/);
          }
        },
      ),
    );
  });

  it('joins words directly with an empty separator', () => {
    const phrase = generatePassphrase({ words: 4, separator: '', capitalize: true, includeNumber: false });
    const words = phrase.match(/[A-Z][a-z]+/g) ?? [];
    expect(words).toHaveLength(4);
    expect(words.join('')).toBe(phrase);
  });

  it('appends exactly one digit to one word with includeNumber', () => {
    for (let i = 0; i < 500; i++) {
      const words = generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, includeNumber: true }).split('-');
      expect(words).toHaveLength(6);
      const numbered = words.filter((word) => /\d/.test(word));
      expect(numbered).toHaveLength(1);
      expect(numbered[0]).toMatch(/^[a-z]+\d$/);
      expect(words.every((word) => WORDS.has(word.replace(/\d$/, '')))).toBe(true);
    }
  });

  it('word frequencies fit the uniform distribution (chi-square, 204,800 words, df = 2047, p = 0.0001)', () => {
    const phrases = 20_480;
    const counts = new Map<string, number>();
    for (let i = 0; i < phrases; i++) {
      for (const word of generatePassphrase({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 10 }).split('-')) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const expected = (phrases * 10) / wordlist.length; // 100 per word
    const statistic = wordlist.reduce((sum, word) => {
      const o = counts.get(word) ?? 0;
      return sum + ((o - expected) * (o - expected)) / expected;
    }, 0);
    expect(counts.size).toBeLessThanOrEqual(2048);
    expect(statistic).toBeLessThan(CHI2_CRITICAL_P0001_DF2047);
  });

  describe('rejects bad options', () => {
    const bad = (patch: Record<string, unknown>): PassphraseOptions =>
      ({ ...DEFAULT_PASSPHRASE_OPTIONS, ...patch }) as PassphraseOptions;

    it.each([0, 2, 21, 6.5, Number.NaN])('words %s → RangeError', (words) => {
      expect(() => generatePassphrase(bad({ words }))).toThrow(RangeError);
    });

    it('separator longer than 8 → RangeError', () => {
      expect(() => generatePassphrase(bad({ separator: '123456789' }))).toThrow(RangeError);
    });

    it('wrong types → TypeError', () => {
      expect(() => generatePassphrase(bad({ separator: 1 }))).toThrow(TypeError);
      expect(() => generatePassphrase(bad({ capitalize: 'no' }))).toThrow(TypeError);
      expect(() => generatePassphrase(bad({ includeNumber: null }))).toThrow(TypeError);
      expect(() => generatePassphrase(undefined as unknown as PassphraseOptions)).toThrow(TypeError);
    });
  });
});
