/**
 * parsePasswordRules on real strings and on malformed ones. The real strings are copied from
 * shared/quirks/password-rules.json (Apple password-manager-resources quirks), keyed by their domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePasswordRules, type PasswordRules, type RuleCharacterClass } from '../../lib/generator/parse-password-rules';

const named = (name: Extract<RuleCharacterClass, { kind: 'named' }>['name']): RuleCharacterClass => ({ kind: 'named', name });
const custom = (characters: string): RuleCharacterClass => ({ kind: 'custom', characters });
const rules = (patch: Partial<PasswordRules>): PasswordRules => ({
  minLength: null,
  maxLength: null,
  maxConsecutive: null,
  required: [],
  allowed: [],
  ignored: [],
  ...patch,
});

/** Copied from shared/quirks/password-rules.json; the escapes are TypeScript's, the strings are the file's. */
const QUIRKS: [domain: string, text: string, expected: PasswordRules][] = [
  [
    'identity.codesignal.com', // no trailing ";"
    'minlength: 14; required: digit; required: lower, upper; required: [!#$%&*@^]',
    rules({ minLength: 14, required: [[named('digit')], [named('lower'), named('upper')], [custom('!#$%&*@^')]] }),
  ],
  [
    'acmemarkets.com',
    'minlength: 8; maxlength: 40; required: upper; required: [!#$%&*@^]; allowed: lower,digit;',
    rules({
      minLength: 8,
      maxLength: 40,
      required: [[named('upper')], [custom('!#$%&*@^')]],
      allowed: [named('lower'), named('digit')],
    }),
  ],
  [
    'admiral.com', // leading "-", a ";" inside the class, and "]]"
    'minlength: 8; required: digit; required: [- !"#$&\'()*+,.:;<=>?@[^_`{|}~]]; allowed: lower, upper;',
    rules({
      minLength: 8,
      required: [[named('digit')], [custom('- !"#$&\'()*+,.:;<=>?@[^_`{|}~]')]],
      allowed: [named('lower'), named('upper')],
    }),
  ],
  [
    'aeon.co.jp',
    'minlength: 8; maxlength: 8; max-consecutive: 3; required: digit; required: upper,lower,[#$+./:=?@[^_|~]];',
    rules({
      minLength: 8,
      maxLength: 8,
      maxConsecutive: 3,
      required: [[named('digit')], [named('upper'), named('lower'), custom('#$+./:=?@[^_|~]')]],
    }),
  ],
  [
    'aetna.com',
    'minlength: 8; maxlength: 20; max-consecutive: 2; required: upper; required: digit; allowed: lower, [-_&#@];',
    rules({
      minLength: 8,
      maxLength: 20,
      maxConsecutive: 2,
      required: [[named('upper')], [named('digit')]],
      allowed: [named('lower'), custom('-_&#@')],
    }),
  ],
  [
    'ajisushionline.com', // space inside a class
    'minlength: 8; required: lower; required: upper; required: digit; allowed: [ !#$%&*?@];',
    rules({
      minLength: 8,
      required: [[named('lower')], [named('upper')], [named('digit')]],
      allowed: [custom(' !#$%&*?@')],
    }),
  ],
  [
    'verizonwireless.com',
    'minlength: 8; maxlength: 20; required: lower, upper; required: digit; allowed: unicode;',
    rules({
      minLength: 8,
      maxLength: 20,
      required: [[named('lower'), named('upper')], [named('digit')]],
      allowed: [named('unicode')],
    }),
  ],
  [
    'carmax.com', // backslashes, "[" and "]]" inside the class
    "minlength: 8; maxlength: 64; required: upper,lower; required: digit; allowed: [@$!%*#?&^'_+=;:,.~/\\|{}()[\\]];",
    rules({
      minLength: 8,
      maxLength: 64,
      required: [[named('upper'), named('lower')], [named('digit')]],
      allowed: [custom("@$!%*#?&^'_+=;:,.~/\\|{}()[]")], // the second backslash is a duplicate
    }),
  ],
  ['allianz.com.br', 'minlength: 4; maxlength: 4;', rules({ minLength: 4, maxLength: 4 })],
  [
    'amundi-ee.com', // max-consecutive after allowed
    'minlength: 6; maxlength: 6; allowed: digit; max-consecutive: 3;',
    rules({ minLength: 6, maxLength: 6, maxConsecutive: 3, allowed: [named('digit')] }),
  ],
];

describe('parsePasswordRules', () => {
  it.each(QUIRKS)('parses the quirk for %s', (_domain, text, expected) => {
    expect(parsePasswordRules(text)).toEqual(expected);
  });

  it('reads names case-insensitively and any ASCII whitespace', () => {
    expect(parsePasswordRules('MinLength :\t8;\n REQUIRED:  Upper ,\tdigit  ;\r\n')).toEqual(
      rules({ minLength: 8, required: [[named('upper'), named('digit')]] }),
    );
  });

  it('keeps the largest minlength and the smallest maxlength and max-consecutive', () => {
    expect(
      parsePasswordRules('minlength: 6; minlength: 10; maxlength: 20; maxlength: 16; max-consecutive: 3; max-consecutive: 2'),
    ).toEqual(rules({ minLength: 10, maxLength: 16, maxConsecutive: 2 }));
  });

  it('keeps each required directive separate and merges allowed ones', () => {
    expect(parsePasswordRules('required: lower; required: lower; allowed: digit; allowed: [_]')).toEqual(
      rules({ required: [[named('lower')], [named('lower')]], allowed: [named('digit'), custom('_')] }),
    );
  });

  it('follows Apple for custom classes: "-" only first, "]" only last, duplicates collapsed', () => {
    expect(parsePasswordRules('required: [-]; allowed: []]').required).toEqual([[custom('-')]]);
    expect(parsePasswordRules('allowed: []]').allowed).toEqual([custom(']')]);
    expect(parsePasswordRules('required: [aab;]').required).toEqual([[custom('ab;')]]);
    const range = parsePasswordRules('required: [a-z]');
    expect(range.required).toEqual([[custom('az')]]);
    expect(range.ignored).toEqual([expect.stringMatching(/"-" not in first place/)]);
  });

  describe('malformed input: the bad directive is ignored with a message, the others kept', () => {
    const cases: [string, Partial<PasswordRules>, RegExp[]][] = [
      ['', {}, []],
      ['  ;; ;  ', {}, []],
      ['minlength: abc; maxlength: 12', { maxLength: 12 }, [/"minlength" needs a number/]],
      ['minlength: 8x; maxlength: 10', { maxLength: 10 }, [/unexpected "x"/]],
      ['minlength: 8; bogus: 3; maxlength: 12', { minLength: 8, maxLength: 12 }, [/unknown property "bogus"/]],
      ['minlength 8; maxlength: 12', { maxLength: 12 }, [/expected ":"/]],
      ['minlength: ; maxlength: 12', { maxLength: 12 }, [/empty value/]],
      ['required: lower, ; maxlength: 10', { maxLength: 10 }, [/expected a character class/]],
      ['required: lower upper; minlength: 6', { minLength: 6 }, [/unexpected "u"/]],
      ['required: frobnicate, lower; minlength: 9', { minLength: 9 }, [/unknown character class "frobnicate"/]],
      ['maxlength: 0; max-consecutive: 0; minlength: 0', { minLength: 0 }, [/at least 1/, /at least 1/]],
      ['minlength: 99999999999999999999; maxlength: 9', { maxLength: 9 }, [/out of range/]],
      ['required: [abc', {}, [/unterminated character class/]],
      // An unterminated class runs to the end, so nothing after it can be read.
      ['required: [abc; minlength: 3', {}, [/unterminated character class/]],
      ['bogus: [;]; minlength: 4', { minLength: 4 }, [/unknown property/]],
      ['allowed: [é]; minlength: 5', { minLength: 5 }, [/non-ASCII/, /empty character class/, /no characters left in "allowed"/]],
      ['required: []; minlength: 5', { minLength: 5 }, [/empty character class/, /no characters left/]],
      ['%%%; minlength: 5', { minLength: 5 }, [/expected a property name/]],
    ];

    it.each(cases)('%j', (text, patch, messages) => {
      const parsed = parsePasswordRules(text);
      expect({ ...parsed, ignored: [] }).toEqual(rules(patch));
      expect(parsed.ignored).toHaveLength(messages.length);
      messages.forEach((pattern, i) => expect(parsed.ignored[i]).toMatch(pattern));
    });

    it('never throws on arbitrary strings, and returns well-formed rules', () => {
      const token = fc.constantFrom(
        'minlength', 'maxlength', 'max-consecutive', 'required', 'allowed', 'lower', 'upper', 'digit', 'special',
        'unicode', 'ascii-printable', ':', ';', ',', '[', ']', '-', ' ', '\t', '8', '0', '999', 'x', 'é', '😀', '\\',
      );
      const grammarish = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), grammarish), (text) => {
          const parsed = parsePasswordRules(text);
          for (const n of [parsed.minLength, parsed.maxLength, parsed.maxConsecutive]) {
            expect(n === null || (Number.isSafeInteger(n) && n >= 0)).toBe(true);
          }
          for (const item of [...parsed.allowed, ...parsed.required.flat()]) {
            if (item.kind === 'custom') expect(item.characters).toMatch(/^[ -~]+$/);
          }
          expect(parsed.required.every((classes) => classes.length > 0)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('throws TypeError only for a non-string', () => {
      expect(() => parsePasswordRules(null as unknown as string)).toThrow(TypeError);
    });
  });
});
