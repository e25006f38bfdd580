/** estimateStrength: zxcvbn-ts scores for weak and generated passwords, feedback, user inputs, the 256-character cap. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSPHRASE_OPTIONS, generatePassphrase } from '../../lib/generator/generate-passphrase';
import { DEFAULT_PASSWORD_OPTIONS, generatePassword } from '../../lib/generator/generate-password';
import { MAX_ESTIMATED_LENGTH, estimateStrength } from '../../lib/strength/estimate-strength';

describe('estimateStrength', () => {
  it('scores "password" at most 1, with a warning and suggestions', () => {
    const result = estimateStrength('password');
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.guessesLog10).toBeLessThan(3);
    expect(result.warning).not.toBe('');
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.crackTime).toBe('less than a second');
  });

  it.each(['123456', 'qwerty', 'iloveyou', 'P@ssw0rd', 'aaaaaaaa', 'abcdef123', '2024-01-01'])(
    'keeps the common pattern %j below the master-password score 3',
    (password) => {
      expect(estimateStrength(password).score).toBeLessThan(3);
    },
  );

  // Headroom only: zxcvbn's l33t matcher takes ~0.1–0.3 s on a random password full of symbols.
  it('scores random 20-character generated passwords 4', { timeout: 30_000 }, () => {
    for (let i = 0; i < 8; i++) {
      const result = estimateStrength(generatePassword(DEFAULT_PASSWORD_OPTIONS));
      expect(result.score).toBe(4);
      expect(result.warning).toBe('');
    }
  });

  it('scores default 6-word passphrases at least 3', () => {
    for (let i = 0; i < 20; i++) {
      const passphrase = generatePassphrase(DEFAULT_PASSPHRASE_OPTIONS);
      expect(estimateStrength(passphrase).score, passphrase).toBeGreaterThanOrEqual(3);
    }
  });

  it('treats user inputs as a dictionary', () => {
    const password = 'quorvex-sealpass';
    const without = estimateStrength(password);
    const withInputs = estimateStrength(password, ['quorvex', 'alice@example.com']);
    expect(withInputs.guessesLog10).toBeLessThan(without.guessesLog10);
  });

  it('rates only the first 256 code points', () => {
    expect(MAX_ESTIMATED_LENGTH).toBe(256);
    // Letters only: digits and symbols make zxcvbn's l33t matcher slow on 256 characters.
    const letters = { ...DEFAULT_PASSWORD_OPTIONS, length: 128, digits: false, symbols: false };
    const head = generatePassword(letters) + generatePassword(letters);
    expect(estimateStrength(head + 'x'.repeat(10_000))).toEqual(estimateStrength(head));
    // Astral characters count once, not as two UTF-16 units.
    expect(estimateStrength('😀'.repeat(300))).toEqual(estimateStrength('😀'.repeat(256)));
  });

  it('scores the empty string 0', () => {
    expect(estimateStrength('').score).toBe(0);
  });
});
