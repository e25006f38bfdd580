/** Entropy, in bits, of the generator's passwords and passphrases, for display next to the generator. */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { checkPassphraseOptions, type PassphraseOptions } from './generate-passphrase';
import { resolvePasswordAlphabet, type PasswordOptions } from './generate-password';

/** Past this many guaranteed classes inclusion–exclusion (2^k terms) gives way to a lower bound. */
const MAX_EXACT_CLASSES = 16;

/**
 * Bits of entropy of a password generated with `options`: log2 of the number of passwords of that length
 * over the alphabet holding at least one character of every guaranteed class, counted exactly by
 * inclusion–exclusion. `maxConsecutive` is ignored, so with it this is a slight over-estimate. With more
 * than 16 guaranteed classes it returns the lower bound Σ log2|class| + (length − classes)·log2|alphabet|.
 *
 * @param options - as for `generatePassword`
 * @returns entropy in bits, e.g. ≈ 129.7 for the default 20 characters over 90 (20·log2 90 ≈ 129.8)
 * @throws TypeError / RangeError for invalid options, as `generatePassword`
 * @example
 * passwordEntropyBits({ length: 16, lower: true, upper: false, digits: false, symbols: false }); // 75.2
 */
export function passwordEntropyBits(options: PasswordOptions): number {
  const { classes, alphabet } = resolvePasswordAlphabet(options);
  const { length } = options;
  if (classes.length > MAX_EXACT_CLASSES) {
    const guaranteed = classes.reduce((bits, set) => bits + Math.log2(set.length), 0);
    return guaranteed + (length - classes.length) * Math.log2(alphabet.length);
  }
  // Count strings avoiding every class in S, signed by |S|: Σ_S (−1)^|S| · |alphabet \ ∪S|^length.
  let count = 0n;
  for (let mask = 0; mask < 1 << classes.length; mask++) {
    const excluded = new Set<string>();
    let bits = 0;
    classes.forEach((set, i) => {
      if ((mask >> i) & 1) {
        bits++;
        for (const c of set) excluded.add(c);
      }
    });
    const term = BigInt(alphabet.length - excluded.size) ** BigInt(length);
    count += bits % 2 === 0 ? term : -term;
  }
  return log2BigInt(count);
}

/**
 * Bits of entropy of a passphrase generated with `options`: 11 bits per BIP-39 word, plus log2(10)
 * for the digit and log2(words) for the word it lands on when `includeNumber` is set. Capitalising
 * adds nothing. With an empty or letter separator, word boundaries can be ambiguous and this is an
 * upper bound.
 *
 * @param options - as for `generatePassphrase`
 * @returns entropy in bits, e.g. 66 for the default six words
 * @throws TypeError / RangeError for invalid options, as `generatePassphrase`
 * @example
 * passphraseEntropyBits({ words: 5, separator: '-', capitalize: false, includeNumber: true }); // ≈ 60.6
 */
export function passphraseEntropyBits(options: PassphraseOptions): number {
  checkPassphraseOptions(options);
  const perWord = Math.log2(wordlist.length);
  const digit = options.includeNumber ? Math.log2(10) + Math.log2(options.words) : 0;
  return options.words * perWord + digit;
}

/** log2 of a positive BigInt, from its top 53 bits. */
function log2BigInt(n: bigint): number {
  const width = n.toString(2).length;
  const shift = Math.max(0, width - 53);
  return shift + Math.log2(Number(n >> BigInt(shift)));
}
