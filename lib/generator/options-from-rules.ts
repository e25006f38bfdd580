/** Turns parsed `passwordrules` into generator options whose every password satisfies the rules. */
import {
  DEFAULT_PASSWORD_OPTIONS,
  DIGITS,
  LOWERCASE,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  SYMBOLS,
  UPPERCASE,
  type PasswordOptions,
} from './generate-password';
import type { NamedCharacterClass, PasswordRules, RuleCharacterClass } from './parse-password-rules';

/** Printable ASCII without space, `!`..`~`: 94 characters, in ASCII order. */
const ASCII_VISIBLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/**
 * What each named class means for generation. `special` is Apple's set (all ASCII punctuation) less
 * space; `unicode` is generated as printable ASCII, a subset of what it allows.
 */
const NAMED_CLASS_CHARACTERS: Readonly<Record<NamedCharacterClass, string>> = {
  upper: UPPERCASE,
  lower: LOWERCASE,
  digit: DIGITS,
  special: ASCII_VISIBLE.replace(/[A-Za-z0-9]/g, ''),
  'ascii-printable': ASCII_VISIBLE,
  unicode: ASCII_VISIBLE,
};

/** One of the generator's four classes, restricted to what the rules allow. */
interface Flag {
  key: 'lower' | 'upper' | 'digits' | 'symbols';
  chars: string;
}

/**
 * Builds {@link PasswordOptions} for a site's rules.
 *
 * - Alphabet: the allowed classes plus the required ones, as in Apple's parser. Space is left out, since
 *   sites often trim it, unless a required class holds nothing else. Rules that name no class at all get
 *   the generator's own four classes rather than all printable ASCII.
 * - Guarantees: each of the four generator classes that overlaps the alphabet is switched on (through
 *   `allowed` it only draws allowed characters), and each required class that none of them implies is
 *   added to `required`. When allowed characters are left outside all of these, the whole alphabet is
 *   added to `required` too: a guarantee every character meets, which only widens the alphabet.
 * - When maxlength leaves too few characters for all guarantees, generator classes another class stands
 *   in for are switched off first, then the whole-alphabet entry is dropped (a smaller alphabet).
 * - Length: `preferredLength` clamped into [minlength, maxlength], 4..128 and at least one character
 *   per guarantee. `max-consecutive` is carried over as `maxConsecutive`.
 *
 * @param rules - output of `parsePasswordRules`
 * @param preferredLength - wanted length in characters before clamping, default 20
 * @returns options for `generatePassword`
 * @throws RangeError when the rules cannot be met (minlength above maxlength, a length range outside
 *   4..128, more required classes than maxlength characters) or `preferredLength` is not finite
 * @example
 * optionsFromRules(parsePasswordRules('maxlength: 12; required: lower; required: digit; allowed: [-_]'));
 * // { length: 12, lower: true, upper: false, digits: true, symbols: true, required: [], allowed: '-0…9_a…z' }
 */
export function optionsFromRules(
  rules: PasswordRules,
  preferredLength: number = DEFAULT_PASSWORD_OPTIONS.length,
): PasswordOptions {
  if (!Number.isFinite(preferredLength)) {
    throw new RangeError(`optionsFromRules: preferredLength must be a finite number, got ${String(preferredLength)}`);
  }
  const requiredSets = [...new Set(rules.required.map((classes) => withoutSpace(charactersOf(classes))))];
  let allowedSet = [withoutSpace(charactersOf(rules.allowed)), ...requiredSets].reduce(union, '');
  if (allowedSet.length === 0) allowedSet = [LOWERCASE, UPPERCASE, DIGITS, SYMBOLS].reduce(union, '');

  const flags: Flag[] = (
    [
      ['lower', LOWERCASE],
      ['upper', UPPERCASE],
      ['digits', DIGITS],
      ['symbols', SYMBOLS],
    ] as const
  )
    .map(([key, set]) => ({ key, chars: intersect(set, allowedSet) }))
    .filter((flag) => flag.chars.length > 0);
  // A flag guarantees one character of its (allowed) class, so a required set holding all of it is met.
  const implies = (flag: Flag, set: string): boolean => [...flag.chars].every((c) => set.includes(c));
  const required = requiredSets.filter((set) => !flags.some((flag) => implies(flag, set)));
  const covers = (): boolean => [...flags.map((flag) => flag.chars), ...required].reduce(union, '') === allowedSet;
  let wholeAlphabet = !covers();

  const highest = Math.min(rules.maxLength ?? Infinity, MAX_PASSWORD_LENGTH);
  const count = (): number => flags.length + required.length + (wholeAlphabet ? 1 : 0);
  for (let i = flags.length - 1; i >= 0 && count() > highest; i--) {
    const flag = flags[i];
    if (flag === undefined) continue;
    const others = flags.filter((other) => other !== flag);
    if (requiredSets.every((set) => !implies(flag, set) || others.some((other) => implies(other, set)))) {
      flags.splice(i, 1);
      wholeAlphabet = !covers();
    }
  }
  if (count() > highest) wholeAlphabet = false;

  const lowest = Math.max(rules.minLength ?? 0, MIN_PASSWORD_LENGTH, count());
  if (lowest > highest) {
    throw new RangeError(
      `optionsFromRules: no length satisfies the rules (minlength ${String(rules.minLength)}, ` +
        `maxlength ${String(rules.maxLength)}, ${count()} required classes, generator range ` +
        `${MIN_PASSWORD_LENGTH}..${MAX_PASSWORD_LENGTH})`,
    );
  }

  const isOn = (key: Flag['key']): boolean => flags.some((flag) => flag.key === key);
  const options: PasswordOptions = {
    length: Math.min(Math.max(Math.round(preferredLength), lowest), highest),
    lower: isOn('lower'),
    upper: isOn('upper'),
    digits: isOn('digits'),
    symbols: isOn('symbols'),
    required: wholeAlphabet ? [...required, allowedSet] : required,
    allowed: allowedSet,
  };
  if (rules.maxConsecutive !== null) options.maxConsecutive = rules.maxConsecutive;
  return options;
}

/** The distinct characters of a union of classes, in ASCII order. */
function charactersOf(classes: readonly RuleCharacterClass[]): string {
  return classes.map((item) => (item.kind === 'named' ? NAMED_CLASS_CHARACTERS[item.name] : item.characters)).reduce(union, '');
}

/** Drops space from a set unless it is the only member. */
function withoutSpace(set: string): string {
  return set === ' ' ? set : set.replace(/ /g, '');
}

/** Sorted, de-duplicated union of two sets. */
function union(a: string, b: string): string {
  return [...new Set([...a, ...b])].sort().join('');
}

/** Characters of `a` that are also in `b`, in the order of `a`. */
function intersect(a: string, b: string): string {
  return [...a].filter((c) => b.includes(c)).join('');
}
