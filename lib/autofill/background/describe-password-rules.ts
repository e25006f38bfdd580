/**
 * Says in words which rules a suggested password follows, for the generator menu: its length, the characters
 * it is drawn from, and whose rules they are (the field's `passwordrules`, the site's known rules, or ours).
 */
import { resolvePasswordAlphabet, type PasswordOptions } from '../../generator/generate-password';
import type { RulesSource } from './generate-for-field';

const SOURCE_TEXT: Record<RulesSource, string> = {
  field: 'This page’s password rules.',
  site: 'This site’s known password rules.',
  default: 'Sealpass’s default.',
};

/** Listed one by one up to this many characters; a larger set is named by its kind. */
const MAX_LISTED = 12;

/**
 * @param options - the options the password was generated with (valid: `generatePassword` accepted them)
 * @returns one or two short sentences, at most about 200 characters
 * @example describePasswordRules({ length: 16, lower: true, upper: true, digits: true, symbols: false, allowed: '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz' }, 'field');
 * // '16 characters: a–z, A–Z, 0–9 and -_. This page’s password rules.'
 */
export function describePasswordRules(options: PasswordOptions, source: RulesSource): string {
  const { alphabet } = resolvePasswordAlphabet(options);
  const of = (test: RegExp) => alphabet.filter((c) => test.test(c));
  const kinds = [
    named(of(/^[a-z]$/), 26, 'a–z', 'some lower-case letters'),
    named(of(/^[A-Z]$/), 26, 'A–Z', 'some capital letters'),
    named(of(/^[0-9]$/), 10, '0–9', 'some digits'),
    named(of(/^[^a-zA-Z0-9]$/), Infinity, '', 'symbols'),
  ].filter((kind) => kind !== '');
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}` : (kinds[0] ?? '');
  const most = options.maxConsecutive;
  const runs = most === undefined ? '' : `, no character ${most === 1 ? 'twice' : `more than ${most} times`} in a row`;
  return `${options.length} characters: ${list}${runs}. ${SOURCE_TEXT[source]}`;
}

/** The whole class by its short name, a few characters listed, or the kind in words; '' when none. */
function named(chars: string[], whole: number, short: string, words: string): string {
  if (chars.length === 0) return '';
  if (chars.length === whole) return short;
  return chars.length <= MAX_LISTED ? chars.join('') : words;
}
