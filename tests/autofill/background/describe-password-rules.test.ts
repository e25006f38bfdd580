/** describePasswordRules: the generator menu's sentence about the rules a suggestion follows. */
import { describe, expect, it } from 'vitest';
import { describePasswordRules } from '../../../lib/autofill/background/describe-password-rules';
import { DEFAULT_PASSWORD_OPTIONS } from '../../../lib/generator/generate-password';
import { optionsFromRules } from '../../../lib/generator/options-from-rules';
import { parsePasswordRules } from '../../../lib/generator/parse-password-rules';

const fromRules = (text: string) => optionsFromRules(parsePasswordRules(text));

describe('describePasswordRules', () => {
  it('the default: length, the four classes by name, and whose rules', () => {
    expect(describePasswordRules({ ...DEFAULT_PASSWORD_OPTIONS }, 'default')).toBe('20 characters: a–z, A–Z, 0–9 and symbols. Sealpass’s default.');
  });

  it('a few symbols are listed one by one; a digits-only PIN with a run limit says so', () => {
    expect(describePasswordRules(fromRules('minlength: 16; maxlength: 16; required: lower; required: upper; required: digit; required: [-_];'), 'field'))
      .toBe('16 characters: a–z, A–Z, 0–9 and -_. This page’s password rules.');
    expect(describePasswordRules(fromRules('minlength: 6; maxlength: 6; allowed: digit; max-consecutive: 1;'), 'site'))
      .toBe('6 characters: 0–9, no character twice in a row. This site’s known password rules.');
  });

  it('avoiding ambiguous characters leaves part of a class, named in words', () => {
    expect(describePasswordRules({ ...DEFAULT_PASSWORD_OPTIONS, symbols: false, avoidAmbiguous: true }, 'default'))
      .toBe('20 characters: some lower-case letters, some capital letters and 23456789. Sealpass’s default.');
  });
});
