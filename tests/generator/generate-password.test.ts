/** generatePassword: lengths, class guarantees, filters, option errors, chi-square frequencies (T22), properties. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_CHARACTERS,
  DEFAULT_PASSWORD_OPTIONS,
  DIGITS,
  LOWERCASE,
  SYMBOLS,
  UPPERCASE,
  generatePassword,
  resolvePasswordAlphabet,
  type PasswordOptions,
} from '../../lib/generator/generate-password';

const NONE: PasswordOptions = { length: 20, lower: false, upper: false, digits: false, symbols: false };

function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => {
    const e = expected[i] ?? 0;
    return sum + ((o - e) * (o - e)) / e;
  }, 0);
}

// scipy.stats.chi2.isf(1e-4, 89): the 90-character default alphabet has 89 degrees of freedom. At
// p = 0.0001 a correct generator fails once in 10,000 runs, so this practically never flakes.
const CHI2_CRITICAL_P0001_DF89 = 147.35013759622487;

function longestRun(text: string): number {
  const chars = [...text];
  let longest = 0;
  let run = 0;
  chars.forEach((c, i) => {
    run = i > 0 && chars[i - 1] === c ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

const hasAny = (text: string, set: string): boolean => [...text].some((c) => set.includes(c));

describe('generatePassword', () => {
  it('defaults to 20 characters with all four classes (T22)', () => {
    expect(DEFAULT_PASSWORD_OPTIONS).toEqual({ length: 20, lower: true, upper: true, digits: true, symbols: true });
    expect(Object.isFrozen(DEFAULT_PASSWORD_OPTIONS)).toBe(true);
    const password = generatePassword(DEFAULT_PASSWORD_OPTIONS);
    expect(password).toHaveLength(20);
  });

  it('exports disjoint class alphabets of the documented sizes', () => {
    expect([LOWERCASE.length, UPPERCASE.length, DIGITS.length, SYMBOLS.length]).toEqual([26, 26, 10, 28]);
    const all = LOWERCASE + UPPERCASE + DIGITS + SYMBOLS;
    expect(new Set(all).size).toBe(all.length);
    expect(SYMBOLS).not.toMatch(/[ "'`\\]/);
  });

  it.each([4, 5, 20, 64, 128])('produces exactly %i characters', (length) => {
    for (let i = 0; i < 50; i++) {
      expect(generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length })).toHaveLength(length);
    }
  });

  it('always contains one character of each enabled class, even at the minimum length', () => {
    for (let i = 0; i < 2000; i++) {
      const password = generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length: 4 });
      expect(hasAny(password, LOWERCASE)).toBe(true);
      expect(hasAny(password, UPPERCASE)).toBe(true);
      expect(hasAny(password, DIGITS)).toBe(true);
      expect(hasAny(password, SYMBOLS)).toBe(true);
    }
  });

  it('uses only the enabled classes', () => {
    for (let i = 0; i < 200; i++) {
      expect(generatePassword({ ...NONE, digits: true })).toMatch(/^[0-9]{20}$/);
      expect(generatePassword({ ...NONE, lower: true, upper: true })).toMatch(/^[a-zA-Z]{20}$/);
    }
  });

  it('leaves out ambiguous characters with avoidAmbiguous, also from required classes', () => {
    const options = { ...DEFAULT_PASSWORD_OPTIONS, length: 128, avoidAmbiguous: true, required: ['0Ox'] };
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(options);
      expect(hasAny(password, AMBIGUOUS_CHARACTERS)).toBe(false);
      expect(password).toContain('x');
    }
  });

  it('guarantees a character of every required class and restricts to allowed', () => {
    const options: PasswordOptions = {
      length: 12,
      lower: true,
      upper: false,
      digits: true,
      symbols: true,
      required: ['€', '-_'],
      allowed: `${LOWERCASE}${DIGITS}-_.€`,
    };
    for (let i = 0; i < 500; i++) {
      const password = generatePassword(options);
      expect([...password]).toHaveLength(12);
      expect(password).toContain('€');
      expect(hasAny(password, '-_')).toBe(true);
      expect(hasAny(password, '-_.')).toBe(true);
      expect(password).toMatch(/^[a-z0-9\-_.€]+$/u);
    }
  });

  it('counts length in code points for characters outside the BMP', () => {
    const password = generatePassword({ ...NONE, length: 10, required: ['😀🔑'] });
    expect([...password]).toHaveLength(10);
    expect(password).toMatch(/^[😀🔑]+$/u);
  });

  it('never repeats a character more than maxConsecutive times in a row', () => {
    for (let i = 0; i < 300; i++) {
      expect(longestRun(generatePassword({ ...NONE, length: 128, digits: true, maxConsecutive: 2 }))).toBeLessThanOrEqual(2);
      expect(longestRun(generatePassword({ ...NONE, length: 32, required: ['abc'], maxConsecutive: 2 }))).toBeLessThanOrEqual(2);
    }
  });

  it('gives up with RangeError when maxConsecutive cannot be met', () => {
    expect(() => generatePassword({ ...NONE, length: 8, required: ['a'], maxConsecutive: 2 })).toThrow(RangeError);
  });

  describe('rejects bad options', () => {
    it.each([0, 3, 129, 20.5, Number.NaN, -20])('length %s → RangeError', (length) => {
      expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length })).toThrow(RangeError);
    });

    it('no class enabled → RangeError naming the classes', () => {
      expect(() => generatePassword(NONE)).toThrow(/no character class enabled/);
      expect(() => generatePassword({ ...NONE, required: [] })).toThrow(RangeError);
    });

    it('length below the number of classes → RangeError', () => {
      expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length: 4, required: ['.'] })).toThrow(
        /smaller than the 5 character classes/,
      );
    });

    it('a class emptied by avoidAmbiguous or allowed → RangeError naming it', () => {
      expect(() => generatePassword({ ...NONE, required: ['Il1'], avoidAmbiguous: true })).toThrow(/required\[0\]/);
      expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, allowed: LOWERCASE + DIGITS })).toThrow(/upper/);
      expect(() => generatePassword({ ...NONE, required: [''] })).toThrow(RangeError);
    });

    it('wrong types → TypeError', () => {
      const bad = (patch: Record<string, unknown>): PasswordOptions => ({ ...DEFAULT_PASSWORD_OPTIONS, ...patch }) as PasswordOptions;
      expect(() => generatePassword(bad({ lower: 'yes' }))).toThrow(TypeError);
      expect(() => generatePassword(bad({ avoidAmbiguous: 1 }))).toThrow(TypeError);
      expect(() => generatePassword(bad({ required: 'abc' }))).toThrow(TypeError);
      expect(() => generatePassword(bad({ required: [1] }))).toThrow(TypeError);
      expect(() => generatePassword(bad({ allowed: ['a'] }))).toThrow(TypeError);
      expect(() => generatePassword(null as unknown as PasswordOptions)).toThrow(TypeError);
    });

    it('maxConsecutive below 1 or fractional → RangeError', () => {
      expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, maxConsecutive: 0 })).toThrow(RangeError);
      expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, maxConsecutive: 1.5 })).toThrow(RangeError);
    });
  });

  describe('uniformity (T22)', () => {
    // One character per class is placed, the rest drawn from the whole alphabet, then shuffled. So a
    // character c of class C is expected 1/|C| + (length − classes)/|alphabet| times per password, and
    // at any one position 1/length of that. Both are checked against these exact expectations.
    const passwords = 10_000; // 200,000 characters
    const { length } = DEFAULT_PASSWORD_OPTIONS;
    const classes = [LOWERCASE, UPPERCASE, DIGITS, SYMBOLS];
    const alphabet = classes.join('');
    const perPassword = (c: string): number => {
      const own = classes.find((set) => set.includes(c)) ?? '';
      return 1 / own.length + (length - classes.length) / alphabet.length;
    };
    let sample: string[] = [];
    beforeAll(() => {
      sample = Array.from({ length: passwords }, () => generatePassword(DEFAULT_PASSWORD_OPTIONS));
    });

    it('character frequencies fit (chi-square, df = 89, p = 0.0001)', () => {
      const counts = new Map<string, number>();
      for (const password of sample) for (const c of password) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect([...counts.keys()].every((c) => alphabet.includes(c))).toBe(true);
      const observed = [...alphabet].map((c) => counts.get(c) ?? 0);
      const expected = [...alphabet].map((c) => passwords * perPassword(c));
      expect(chiSquare(observed, expected)).toBeLessThan(CHI2_CRITICAL_P0001_DF89);
    });

    it('the first character has the same distribution: the shuffle works (chi-square, df = 89)', () => {
      const observed = [...alphabet].map((c) => sample.filter((password) => password[0] === c).length);
      const expected = [...alphabet].map((c) => (passwords * perPassword(c)) / length);
      expect(chiSquare(observed, expected)).toBeLessThan(CHI2_CRITICAL_P0001_DF89);
    });
  });

  describe('properties', () => {
    const pool = [...'abcxyzIl1O0oABCXYZ0123456789!#$%-_.~ "\'\\€ß😀'];
    const setArb = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
    const visibleAscii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i));
    const optionsArb = fc
      .record({
        length: fc.integer({ min: 4, max: 128 }),
        lower: fc.boolean(),
        upper: fc.boolean(),
        digits: fc.boolean(),
        symbols: fc.boolean(),
        avoidAmbiguous: fc.boolean(),
        required: fc.array(setArb, { maxLength: 3 }),
        allowed: fc.option(fc.subarray([...visibleAscii, '€', '😀'], { minLength: 70 }).map((chars) => chars.join('')), {
          nil: undefined,
        }),
        maxConsecutive: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
      })
      .map((options) => ({ options, classes: expectedClasses(options) }))
      .filter(
        ({ options, classes }) =>
          classes.length > 0 &&
          classes.length <= options.length &&
          classes.every((set) => set.length > 0) &&
          (options.maxConsecutive === undefined || new Set(classes.flat()).size >= 10),
      );

    /** The classes the options must guarantee, derived independently of the implementation. */
    function expectedClasses(options: PasswordOptions): string[][] {
      const keep = (set: string): string[] =>
        [...new Set(set)].filter(
          (c) =>
            !(options.avoidAmbiguous === true && AMBIGUOUS_CHARACTERS.includes(c)) &&
            (options.allowed === undefined || [...options.allowed].includes(c)),
        );
      const named = [
        options.lower ? LOWERCASE : null,
        options.upper ? UPPERCASE : null,
        options.digits ? DIGITS : null,
        options.symbols ? SYMBOLS : null,
      ].filter((set): set is string => set !== null);
      return [...named, ...(options.required ?? [])].map(keep);
    }

    it('any valid options give a password of exact length meeting every class and filter', () => {
      fc.assert(
        fc.property(optionsArb, ({ options, classes }) => {
          const password = generatePassword(options);
          const chars = [...password];
          expect(chars).toHaveLength(options.length);
          const alphabet = new Set(classes.flat());
          expect(chars.every((c) => alphabet.has(c))).toBe(true);
          for (const set of classes) expect(chars.some((c) => set.includes(c))).toBe(true);
          if (options.maxConsecutive !== undefined) expect(longestRun(password)).toBeLessThanOrEqual(options.maxConsecutive);
        }),
        { numRuns: 300 },
      );
    });

    it('resolvePasswordAlphabet agrees with the independent derivation', () => {
      fc.assert(
        fc.property(optionsArb, ({ options, classes }) => {
          const resolved = resolvePasswordAlphabet(options);
          expect(new Set(resolved.alphabet)).toEqual(new Set(classes.flat()));
          const key = (set: readonly string[]): string => [...set].sort().join('');
          expect(new Set(resolved.classes.map(key))).toEqual(new Set(classes.map(key)));
        }),
      );
    });

    it('any length outside 4..128 is rejected', () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer({ max: 3 }), fc.integer({ min: 129 }), fc.double({ noInteger: true })), (length) => {
          expect(() => generatePassword({ ...DEFAULT_PASSWORD_OPTIONS, length })).toThrow(RangeError);
        }),
      );
    });
  });
});
