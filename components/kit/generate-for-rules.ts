/**
 * A replacement password for a Health finding, generated in the page from the site's `passwordrules` text that
 * the background looked up (the quirks file stays in the background), else with the generator's defaults.
 */
import { DEFAULT_PASSWORD_OPTIONS, generatePassword } from '../../lib/generator/generate-password';
import { optionsFromRules } from '../../lib/generator/options-from-rules';
import { parsePasswordRules } from '../../lib/generator/parse-password-rules';

/**
 * @param rules - the site's rules (e.g. `minlength: 6; maxlength: 16;`), or null when it has none
 * @returns 20 characters of all four classes, or what the rules allow; rules no password can meet fall back to the defaults
 * @example generateForRules('minlength: 6; maxlength: 16;').length; // 16
 */
export function generateForRules(rules: string | null): string {
  if (rules !== null && rules.trim() !== '') {
    try {
      return generatePassword(optionsFromRules(parsePasswordRules(rules)));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return generatePassword(DEFAULT_PASSWORD_OPTIONS);
}
