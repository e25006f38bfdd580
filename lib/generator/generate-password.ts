/** Random passwords over chosen character classes, one character of each class guaranteed (THREATS T22). */
import { randomIndex } from './random-index';

/** `a`–`z`, 26 characters. */
export const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
/** `A`–`Z`, 26 characters. */
export const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** `0`–`9`, 10 characters. */
export const DIGITS = '0123456789';
/**
 * The 28 ASCII punctuation characters used for the symbols class. Quotes, backslash and backtick are left
 * out because badly written sites and shells mangle them; a site that requires them says so with
 * `required`, e.g. from its `passwordrules`.
 */
export const SYMBOLS = '!#$%&()*+,-./:;<=>?@[]^_{|}~';
/** Characters easily confused with one another in common fonts, removed by `avoidAmbiguous`. */
export const AMBIGUOUS_CHARACTERS = 'Il1|O0o';

/** Shortest password accepted, in characters (code points). */
export const MIN_PASSWORD_LENGTH = 4;
/** Longest password accepted, in characters (code points). */
export const MAX_PASSWORD_LENGTH = 128;

/** What to generate. Lengths count Unicode code points. */
export interface PasswordOptions {
  /** Number of characters, 4..128. */
  length: number;
  /** Include and guarantee one of {@link LOWERCASE}. */
  lower: boolean;
  /** Include and guarantee one of {@link UPPERCASE}. */
  upper: boolean;
  /** Include and guarantee one of {@link DIGITS}. */
  digits: boolean;
  /** Include and guarantee one of {@link SYMBOLS}. */
  symbols: boolean;
  /** Remove {@link AMBIGUOUS_CHARACTERS} from every class, including `required` ones. */
  avoidAmbiguous?: boolean;
  /** Extra classes a site requires: each string lists allowed characters; one of each is guaranteed. */
  required?: readonly string[];
  /** When set, every class (and so the whole alphabet) is intersected with these characters. */
  allowed?: string;
  /** When set (≥ 1), no character may appear more than this many times in a row (`max-consecutive`). */
  maxConsecutive?: number;
}

/** Length 20 with all four classes: about 129.7 bits over the 90-character alphabet (T22 asks ≥ 20). */
export const DEFAULT_PASSWORD_OPTIONS: Readonly<PasswordOptions> = Object.freeze({
  length: 20,
  lower: true,
  upper: true,
  digits: true,
  symbols: true,
});

/** The classes and alphabet that options resolve to, each character a single code point. */
export interface PasswordAlphabet {
  /** The classes one character of each is guaranteed from, de-duplicated, in option order. */
  classes: string[][];
  /** Every character a password may contain: the union of the classes, de-duplicated. */
  alphabet: string[];
}

/** Tries per password before giving up on `maxConsecutive`; only tiny alphabets ever come close. */
const MAX_CONSECUTIVE_ATTEMPTS = 1000;

/**
 * Generates a password: one random character from each class, the rest drawn uniformly from the whole
 * alphabet, then a Fisher–Yates shuffle, all with {@link randomIndex}. With `maxConsecutive` the whole
 * password is drawn again until no run is too long (up to 1000 tries), which keeps the distribution
 * unchanged apart from conditioning on qualifying; fine for alphabets of 10 or more, but a tiny alphabet with a
 * long length can exhaust the tries.
 *
 * @param options - see {@link PasswordOptions}; {@link DEFAULT_PASSWORD_OPTIONS} for the default
 * @returns a password of exactly `options.length` code points
 * @throws TypeError when an option has the wrong type
 * @throws RangeError when the length is outside 4..128 or below the number of guaranteed classes, when no
 *   class is enabled, when a class is empty after `avoidAmbiguous`/`allowed`, or when `maxConsecutive`
 *   cannot be met
 * @example
 * generatePassword(DEFAULT_PASSWORD_OPTIONS); // e.g. "q7}Vd;M2x@kR!u9eZp+c"
 * generatePassword({ length: 12, lower: true, upper: false, digits: true, symbols: false, required: ['-_'] });
 */
export function generatePassword(options: PasswordOptions): string {
  const { classes, alphabet } = resolvePasswordAlphabet(options);
  const maxConsecutive = options.maxConsecutive;
  for (let attempt = 0; attempt < MAX_CONSECUTIVE_ATTEMPTS; attempt++) {
    const chars = classes.map((set) => pick(set));
    while (chars.length < options.length) chars.push(pick(alphabet));
    shuffle(chars);
    if (maxConsecutive === undefined || longestRun(chars) <= maxConsecutive) return chars.join('');
  }
  throw new RangeError(
    `generatePassword: could not avoid runs longer than maxConsecutive (${String(maxConsecutive)}); enlarge the alphabet`,
  );
}

/**
 * Validates options and resolves them to the guaranteed classes and the alphabet.
 * @throws TypeError / RangeError as described for {@link generatePassword}
 * @example
 * resolvePasswordAlphabet({ ...DEFAULT_PASSWORD_OPTIONS, symbols: false }).alphabet.length; // 62
 */
export function resolvePasswordAlphabet(options: PasswordOptions): PasswordAlphabet {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('generatePassword: options must be an object');
  }
  const { length } = options;
  if (!Number.isInteger(length) || length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(
      `generatePassword: length must be an integer in ${MIN_PASSWORD_LENGTH}..${MAX_PASSWORD_LENGTH}, got ${String(length)}`,
    );
  }
  for (const flag of ['lower', 'upper', 'digits', 'symbols'] as const) {
    if (typeof options[flag] !== 'boolean') throw new TypeError(`generatePassword: ${flag} must be a boolean`);
  }
  if (options.avoidAmbiguous !== undefined && typeof options.avoidAmbiguous !== 'boolean') {
    throw new TypeError('generatePassword: avoidAmbiguous must be a boolean');
  }
  if (options.allowed !== undefined && typeof options.allowed !== 'string') {
    throw new TypeError('generatePassword: allowed must be a string');
  }
  const required = options.required ?? [];
  if (!Array.isArray(required) || !required.every((set) => typeof set === 'string')) {
    throw new TypeError('generatePassword: required must be an array of strings');
  }
  const { maxConsecutive } = options;
  if (maxConsecutive !== undefined && (!Number.isInteger(maxConsecutive) || maxConsecutive < 1)) {
    throw new RangeError(`generatePassword: maxConsecutive must be an integer ≥ 1, got ${String(maxConsecutive)}`);
  }

  const allowed = options.allowed === undefined ? undefined : new Set(Array.from(options.allowed));
  const ambiguous = options.avoidAmbiguous === true ? new Set(Array.from(AMBIGUOUS_CHARACTERS)) : undefined;
  const filter = (set: string): string[] =>
    [...new Set(Array.from(set))].filter((c) => !ambiguous?.has(c) && (allowed === undefined || allowed.has(c)));

  const named: [boolean, string, string][] = [
    [options.lower, LOWERCASE, 'lower'],
    [options.upper, UPPERCASE, 'upper'],
    [options.digits, DIGITS, 'digits'],
    [options.symbols, SYMBOLS, 'symbols'],
  ];
  const classes: string[][] = [];
  const seen = new Set<string>();
  const addClass = (set: string, name: string): void => {
    const chars = filter(set);
    if (chars.length === 0) {
      throw new RangeError(`generatePassword: class ${name} has no characters left after avoidAmbiguous/allowed`);
    }
    // Two identical classes are one constraint; guaranteeing it twice would only bias the output.
    const key = [...chars].sort().join('');
    if (seen.has(key)) return;
    seen.add(key);
    classes.push(chars);
  };
  for (const [enabled, set, name] of named) if (enabled) addClass(set, name);
  required.forEach((set, i) => addClass(set, `required[${i}]`));

  if (classes.length === 0) {
    throw new RangeError('generatePassword: no character class enabled (lower, upper, digits, symbols or required)');
  }
  if (classes.length > length) {
    throw new RangeError(
      `generatePassword: length ${length} is smaller than the ${classes.length} character classes it must contain`,
    );
  }
  return { classes, alphabet: [...new Set(classes.flat())] };
}

/** A uniformly random element of a non-empty array. */
function pick(chars: readonly string[]): string {
  return chars[randomIndex(chars.length)] ?? '';
}

/** In-place Fisher–Yates (Durstenfeld) shuffle: every permutation equally likely. */
function shuffle(chars: string[]): void {
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    const tmp = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = tmp;
  }
}

/** Length of the longest run of one repeated character. */
function longestRun(chars: readonly string[]): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < chars.length; i++) {
    run = i > 0 && chars[i] === chars[i - 1] ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}
