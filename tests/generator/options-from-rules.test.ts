/**
 * optionsFromRules: real `passwordrules` strings (copied from shared/quirks/password-rules.json) give
 * options whose every generated password is checked against the rules by an independent checker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../lib/generator/generate-password';
import { optionsFromRules } from '../../lib/generator/options-from-rules';
import { parsePasswordRules, type PasswordRules, type RuleCharacterClass } from '../../lib/generator/parse-password-rules';

/** Copied from shared/quirks/password-rules.json: domain, rules, the length expected with the default 20. */
const QUIRKS: [domain: string, text: string, length: number][] = [
  ['identity.codesignal.com', 'minlength: 14; required: digit; required: lower, upper; required: [!#$%&*@^]', 20],
  ['acmemarkets.com', 'minlength: 8; maxlength: 40; required: upper; required: [!#$%&*@^]; allowed: lower,digit;', 20],
  ['admiral.com', 'minlength: 8; required: digit; required: [- !"#$&\'()*+,.:;<=>?@[^_`{|}~]]; allowed: lower, upper;', 20],
  ['aeon.co.jp', 'minlength: 8; maxlength: 8; max-consecutive: 3; required: digit; required: upper,lower,[#$+./:=?@[^_|~]];', 8],
  ['aetna.com', 'minlength: 8; maxlength: 20; max-consecutive: 2; required: upper; required: digit; allowed: lower, [-_&#@];', 20],
  ['ajisushionline.com', 'minlength: 8; required: lower; required: upper; required: digit; allowed: [ !#$%&*?@];', 20],
  ['verizonwireless.com', 'minlength: 8; maxlength: 20; required: lower, upper; required: digit; allowed: unicode;', 20],
  ['carmax.com', "minlength: 8; maxlength: 64; required: upper,lower; required: digit; allowed: [@$!%*#?&^'_+=;:,.~/\\|{}()[\\]];", 20],
  ['allianz.com.br', 'minlength: 4; maxlength: 4;', 4],
  ['amundi-ee.com', 'minlength: 6; maxlength: 6; allowed: digit; max-consecutive: 3;', 6],
];

/** Whether `c` belongs to a class, by the definitions on developer.apple.com/password-rules. */
function inClass(c: string, item: RuleCharacterClass): boolean {
  if (item.kind === 'custom') return item.characters.includes(c);
  switch (item.name) {
    case 'upper':
      return /^[A-Z]$/.test(c);
    case 'lower':
      return /^[a-z]$/.test(c);
    case 'digit':
      return /^[0-9]$/.test(c);
    case 'special':
      return /^[ -/:-@[-`{-~]$/.test(c);
    case 'ascii-printable':
      return /^[ -~]$/.test(c);
    case 'unicode':
      return true;
  }
}

/** Every way `password` breaks `rules`; empty when it satisfies them. */
function violations(password: string, rules: PasswordRules): string[] {
  const chars = [...password];
  const out: string[] = [];
  if (rules.minLength !== null && chars.length < rules.minLength) out.push(`shorter than ${rules.minLength}`);
  if (rules.maxLength !== null && chars.length > rules.maxLength) out.push(`longer than ${rules.maxLength}`);
  rules.required.forEach((classes, i) => {
    if (!chars.some((c) => classes.some((item) => inClass(c, item)))) out.push(`misses required[${i}]`);
  });
  // Required classes are allowed too; with neither, printable ASCII is (Apple's parser).
  const allowed = [...rules.allowed, ...rules.required.flat()];
  for (const c of chars) {
    const ok = allowed.length === 0 ? /^[ -~]$/.test(c) : allowed.some((item) => inClass(c, item));
    if (!ok) out.push(`"${c}" not allowed`);
  }
  if (rules.maxConsecutive !== null) {
    let run = 0;
    chars.forEach((c, i) => {
      run = i > 0 && chars[i - 1] === c ? run + 1 : 1;
      if (run === (rules.maxConsecutive ?? 0) + 1) out.push(`run of ${run} "${c}"`);
    });
  }
  return out;
}

describe('optionsFromRules', () => {
  it.each(QUIRKS)('generates passwords that satisfy the rules of %s', (_domain, text, length) => {
    const rules = parsePasswordRules(text);
    const options = optionsFromRules(rules);
    expect(options.length).toBe(length);
    for (let i = 0; i < 300; i++) {
      const password = generatePassword(options);
      expect(violations(password, rules), password).toEqual([]);
    }
  });

  it("uses the generator's four classes when the rules name no class", () => {
    const options = optionsFromRules(parsePasswordRules('minlength: 6; maxlength: 16;'));
    expect(options).toMatchObject({ length: 16, lower: true, upper: true, digits: true, symbols: true, required: [] });
    expect(options.allowed).toHaveLength(26 + 26 + 10 + 28);
    expect(options.maxConsecutive).toBeUndefined();
  });

  it('keeps allowed characters outside the four classes through a whole-alphabet entry', () => {
    const options = optionsFromRules(parsePasswordRules('required: digit; allowed: ascii-printable'));
    expect(options.allowed).toHaveLength(94); // no space
    expect(options.required).toEqual([options.allowed]);
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword(options)).join(''));
    expect(seen.size).toBeGreaterThan(90);
    expect([...'"\\\'`'].some((c) => seen.has(c))).toBe(true);

    const quotes = optionsFromRules(parsePasswordRules('required: [\\"ad]'));
    expect(quotes).toMatchObject({ lower: true, upper: false, digits: false, symbols: false, required: ['"\\ad'] });
  });

  it('switches on the classes the rules allow and folds implied required classes into them', () => {
    const options = optionsFromRules(parsePasswordRules('maxlength: 12; required: lower; required: digit; allowed: [-_]'));
    expect(options).toEqual({
      length: 12,
      lower: true,
      upper: false,
      digits: true,
      symbols: true,
      required: [],
      allowed: '-0123456789_abcdefghijklmnopqrstuvwxyz',
    });
  });

  it('keeps a required class no generator class implies, and carries max-consecutive', () => {
    const options = optionsFromRules(parsePasswordRules('required: upper; required: [`"]; max-consecutive: 2'));
    expect(options).toMatchObject({ lower: false, upper: true, digits: false, symbols: false, required: ['"`'] });
    expect(options.maxConsecutive).toBe(2);
  });

  it('never generates space unless a required class is only a space', () => {
    const allowedSpace = optionsFromRules(parsePasswordRules('allowed: [ ab]'));
    expect(allowedSpace.allowed).toBe('ab');
    const requiredSpace = optionsFromRules(parsePasswordRules('required: [ ]; allowed: lower'));
    expect(requiredSpace.required).toEqual([' ']);
    expect(generatePassword(requiredSpace)).toContain(' ');
  });

  it('clamps the preferred length into [minlength, maxlength]', () => {
    expect(optionsFromRules(parsePasswordRules('maxlength: 16'), 32).length).toBe(16);
    expect(optionsFromRules(parsePasswordRules('minlength: 40'), 32).length).toBe(40);
    expect(optionsFromRules(parsePasswordRules('minlength: 8; maxlength: 64'), 32).length).toBe(32);
    expect(optionsFromRules(parsePasswordRules(''), 500).length).toBe(128);
  });

  it('drops allowed-only classes when maxlength leaves no room for them', () => {
    const rules = parsePasswordRules('maxlength: 4; required: [ab]; required: [cd]; required: [ef]; required: [gh]');
    const options = optionsFromRules(rules);
    expect(options).toMatchObject({ length: 4, lower: false, required: ['ab', 'cd', 'ef', 'gh'] });
    for (let i = 0; i < 100; i++) expect(violations(generatePassword(options), rules)).toEqual([]);
  });

  it.each([
    ['minlength: 20; maxlength: 10', /no length satisfies/],
    ['maxlength: 3', /no length satisfies/],
    ['minlength: 200', /no length satisfies/],
    ['maxlength: 4; required: [a]; required: [b]; required: [c]; required: [d]; required: [e]', /5 required classes/],
  ])('rejects unsatisfiable rules %j with RangeError', (text, message) => {
    expect(() => optionsFromRules(parsePasswordRules(text))).toThrow(RangeError);
    expect(() => optionsFromRules(parsePasswordRules(text))).toThrow(message);
  });

  it('rejects a preferred length that is not finite', () => {
    expect(() => optionsFromRules(parsePasswordRules(''), Number.NaN)).toThrow(RangeError);
  });

  it('any well-formed rules give satisfying passwords or a RangeError for an impossible length', () => {
    const named = fc.constantFrom('upper', 'lower', 'digit', 'special', 'ascii-printable', 'unicode');
    // Custom sets of 4+ characters keep max-consecutive (≥ 3) easy to meet by redrawing.
    const custom = fc
      .uniqueArray(fc.constantFrom(...'abcdXYZ0189!#$%&*@^_.~-[]"\\ '), { minLength: 4, maxLength: 8 })
      .map((chars) => `[${chars.filter((c) => c !== '-' && c !== ']').join('')}${chars.includes(']') ? ']' : ''}]`)
      .filter((text) => text.length >= 6);
    const classList = fc.array(fc.oneof(named, custom), { minLength: 1, maxLength: 3 }).map((items) => items.join(', '));
    const directive = fc.oneof(
      fc.integer({ min: 0, max: 140 }).map((n) => `minlength: ${n}`),
      fc.integer({ min: 1, max: 140 }).map((n) => `maxlength: ${n}`),
      fc.integer({ min: 3, max: 5 }).map((n) => `max-consecutive: ${n}`),
      classList.map((value) => `required: ${value}`),
      classList.map((value) => `allowed: ${value}`),
    );
    fc.assert(
      fc.property(fc.array(directive, { maxLength: 8 }), (directives) => {
        const rules = parsePasswordRules(directives.join('; '));
        expect(rules.ignored).toEqual([]);
        let options;
        try {
          options = optionsFromRules(rules);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          const min = Math.max(rules.minLength ?? 0, 4);
          const max = Math.min(rules.maxLength ?? 128, 128);
          expect(min > max || rules.required.length > max).toBe(true);
          return;
        }
        for (let i = 0; i < 5; i++) expect(violations(generatePassword(options), rules)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
