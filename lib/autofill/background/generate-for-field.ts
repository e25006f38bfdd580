/**
 * The password the generator offers in a web page's new-password field: the field's own `passwordrules`
 * attribute first (the site's current statement), else the site's entry in Apple's password-rules quirks,
 * else the generator's defaults. Background only: it reads the quirks file (see lib/quirks/README.md).
 */
import { DEFAULT_PASSWORD_OPTIONS, generatePassword, type PasswordOptions } from '../../generator/generate-password';
import { optionsFromRules } from '../../generator/options-from-rules';
import { parsePasswordRules } from '../../generator/parse-password-rules';
import { passwordRulesFor } from '../../quirks/password-rules-for';

/** Which rules a generated password follows: the field's attribute, the site's quirks entry, or our defaults. */
export type RulesSource = 'field' | 'site' | 'default';

/** A generated password and the rules it was generated under. */
export interface GeneratedForField {
  password: string;
  options: PasswordOptions;
  source: RulesSource;
}

/**
 * Generates a password for a field. A rules text that no password can satisfy (say `minlength: 30;
 * maxlength: 10`, or runs the alphabet is too small to avoid) is passed over for the next source instead
 * of failing the user's click.
 *
 * @param attribute - the field's `passwordrules` attribute verbatim, or `null` when it has none
 * @param host - the page's host, for the quirks lookup (by host, then parent domains down to the site)
 * @returns a password of 4..128 characters (20 unless the rules say otherwise), from `crypto.getRandomValues`,
 *   with the options it was drawn under and where they came from
 * @example generateForField('minlength: 8; maxlength: 12; required: digit;', 'example.com').password; // e.g. "q7Vd;M2x@kR!"
 */
export function generateForField(attribute: string | null, host: string): GeneratedForField {
  const sources: [RulesSource, string | null][] = [['field', attribute], ['site', passwordRulesFor(host)]];
  for (const [source, text] of sources) {
    if (text === null || text.trim() === '') continue;
    const generated = generateUnder(text);
    if (generated !== null) return { ...generated, source };
  }
  return { password: generatePassword(DEFAULT_PASSWORD_OPTIONS), options: { ...DEFAULT_PASSWORD_OPTIONS }, source: 'default' };
}

/** A password meeting a rules text and its options, or `null` when the rules cannot be met. */
function generateUnder(text: string): { password: string; options: PasswordOptions } | null {
  try {
    const options = optionsFromRules(parsePasswordRules(text));
    return { password: generatePassword(options), options };
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
