/** generateForRules: a site's passwordrules are honoured; none, or impossible ones, give the generator's default. */
import { describe, expect, it } from 'vitest';
import { generateForRules } from '../../../components/kit/generate-for-rules';

describe('generateForRules', () => {
  it('honours maxlength and allowed characters', () => {
    for (let i = 0; i < 20; i++) {
      const password = generateForRules('minlength: 6; maxlength: 12; required: lower; required: digit; allowed: [-_];');
      expect(password).toHaveLength(12);
      expect(password).toMatch(/^[a-z0-9_-]+$/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it('without rules, or with rules no password can meet, uses the 20-character default', () => {
    for (const rules of [null, '', 'minlength: 30; maxlength: 10;']) {
      const password = generateForRules(rules);
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it('gives a different password each time', () => {
    expect(new Set(Array.from({ length: 10 }, () => generateForRules(null))).size).toBe(10);
  });
});
