/** Random passphrases from the BIP-39 English wordlist (2048 words, 11 bits each; THREATS T22). */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { randomIndex } from './random-index';

/** Fewest words accepted. */
export const MIN_PASSPHRASE_WORDS = 3;
/** Most words accepted. */
export const MAX_PASSPHRASE_WORDS = 20;
/** Longest separator accepted, in UTF-16 code units. */
export const MAX_SEPARATOR_LENGTH = 8;

/** What to generate. */
export interface PassphraseOptions {
  /** Number of words, 3..20. */
  words: number;
  /** Placed between words; 0..8 characters. */
  separator: string;
  /** Upper-case the first letter of every word (adds no entropy). */
  capitalize: boolean;
  /** Append one random digit 0–9 to one randomly chosen word. */
  includeNumber: boolean;
}

/** Six words (66 bits) joined by `-`; T22 asks for at least five. */
export const DEFAULT_PASSPHRASE_OPTIONS: Readonly<PassphraseOptions> = Object.freeze({
  words: 6,
  separator: '-',
  capitalize: false,
  includeNumber: false,
});

/**
 * Generates a passphrase: `options.words` words drawn independently and uniformly from the 2048-word
 * BIP-39 English list with {@link randomIndex}, optionally capitalised and with one digit appended to
 * a random word, joined by `options.separator`.
 *
 * @param options - see {@link PassphraseOptions}; {@link DEFAULT_PASSPHRASE_OPTIONS} for the default
 * @returns the passphrase; words are lowercase ASCII, 3–8 letters each
 * @throws TypeError when an option has the wrong type
 * @throws RangeError when `words` is not an integer in 3..20 or the separator is longer than 8
 * @example
 * generatePassphrase(DEFAULT_PASSPHRASE_OPTIONS); // e.g. "lumber-civil-orbit-amused-pencil-flame"
 * generatePassphrase({ words: 5, separator: ' ', capitalize: true, includeNumber: true }); // "Oak Gravity7 …"
 */
export function generatePassphrase(options: PassphraseOptions): string {
  checkPassphraseOptions(options);
  const words = Array.from({ length: options.words }, () => wordlist[randomIndex(wordlist.length)] ?? '');
  if (options.capitalize) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      words[i] = word.charAt(0).toUpperCase() + word.slice(1);
    }
  }
  if (options.includeNumber) {
    const i = randomIndex(words.length);
    words[i] = `${words[i] ?? ''}${randomIndex(10)}`;
  }
  return words.join(options.separator);
}

/**
 * Validates passphrase options.
 * @throws TypeError / RangeError as described for {@link generatePassphrase}
 * @example
 * checkPassphraseOptions({ ...DEFAULT_PASSPHRASE_OPTIONS, words: 2 }); // throws RangeError
 */
export function checkPassphraseOptions(options: PassphraseOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('generatePassphrase: options must be an object');
  }
  const { words, separator } = options;
  if (!Number.isInteger(words) || words < MIN_PASSPHRASE_WORDS || words > MAX_PASSPHRASE_WORDS) {
    throw new RangeError(
      `generatePassphrase: words must be an integer in ${MIN_PASSPHRASE_WORDS}..${MAX_PASSPHRASE_WORDS}, got ${String(words)}`,
    );
  }
  if (typeof separator !== 'string') throw new TypeError('generatePassphrase: separator must be a string');
  if (separator.length > MAX_SEPARATOR_LENGTH) {
    throw new RangeError(`generatePassphrase: separator must be at most ${MAX_SEPARATOR_LENGTH} characters`);
  }
  if (typeof options.capitalize !== 'boolean') throw new TypeError('generatePassphrase: capitalize must be a boolean');
  if (typeof options.includeNumber !== 'boolean') {
    throw new TypeError('generatePassphrase: includeNumber must be a boolean');
  }
}
