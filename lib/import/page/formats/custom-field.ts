/**
 * A value an importer keeps as a custom field, and whether it must be hidden: by its name (password, PIN,
 * card number, security code, IBAN, account and routing number, SSN, key, token…) or by its value (a card
 * number that passes the Luhn check, an `otpauth://` link), whatever the column is called.
 */

/** A custom field as items hold it. */
export interface CustomField {
  name: string;
  value: string;
  hidden: boolean;
}

/**
 * Words and phrases that name a secret, matched on whole words of the normalised name ("cardNumber" and
 * "card_number" are "card number"), so "pin" does not find "shipping" nor "pass" "passport".
 */
const SECRET_WORDS = new RegExp(
  '\\b(?:' + [
    'pass(?:word|wort|wd|phrase|code)?', 'pwd', 'pin', 'secret', 'key', 'token', 'answer', 'phrase',
    'cvv2?', 'cvc2?', 'csc', 'ssn', 'social security', 'iban', 'otp', 'totp', '2fa', 'mfa',
    'cc ?num(?:ber)?', 'card ?num(?:ber)?', 'security code', 'verification (?:number|code|value)',
    'account ?(?:number|no)', 'routing ?(?:number|no)', '(?:recovery|backup) codes?',
  ].join('|') + ')\\b',
);
/** A name that is only "code" or "number": in exports of cards and accounts these are the secret ones (Dashlane's `code` is the CVV). */
const BARE_SECRET = /^(?:code|number)$/;
/** Names that contain a secret word but hold no secret. */
const NOT_SECRET = /\bpublic key\b|\bkey (?:type|index|id)\b|\bfingerprint\b/;

/** "cardNumber", "card_number", "Card-Number (ccnum)" → "card number ccnum". */
function normaliseName(name: string): string {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * @param name - a column or field name as the export spells it
 * @returns whether values under this name are secrets, to be hidden
 * @example isSecretFieldName('cc_number') // true
 * @example isSecretFieldName('Shipping address') // false
 */
export function isSecretFieldName(name: string): boolean {
  const words = normaliseName(name);
  if (words === '' || NOT_SECRET.test(words)) return false;
  return BARE_SECRET.test(words) || SECRET_WORDS.test(words);
}

/** 13 to 19 digits, optionally grouped by single spaces or dashes, as card numbers are written. */
const CARD_NUMBER_TEXT = /^\d(?:[ -]?\d){12,18}$/;

/**
 * A payment card number by its shape and its check digit (ISO/IEC 7812-1 Annex B, the Luhn algorithm).
 * Written out because it is five lines; no library is worth a dependency for it.
 * @param value - a cell or field value
 * @example looksLikeCardNumber('4111 1111 1111 1111') // true
 * @example looksLikeCardNumber('4111 1111 1111 1112') // false
 */
export function looksLikeCardNumber(value: string): boolean {
  const text = value.trim();
  if (!CARD_NUMBER_TEXT.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * @returns whether `value` is an `otpauth://` link (a one-time-code secret)
 * @example isOtpauthLink(' otpauth://totp/x?secret=JBSWY3DP') // true
 */
export function isOtpauthLink(value: string): boolean {
  return /^otpauth:\/\//i.test(value.trim());
}

/**
 * @param name - the field's name (its column's, or the label the export gives it)
 * @param value - the value, kept exactly
 * @param secret - the importer knows the value is a secret, whatever its name
 * @returns the field, hidden when the name or the value says it is a secret
 * @example customField('cardnumber', '4024007103939509') // { name: 'cardnumber', value: '4024007103939509', hidden: true }
 */
export function customField(name: string, value: string, secret = false): CustomField {
  return { name, value, hidden: secret || isSecretFieldName(name) || looksLikeCardNumber(value) || isOtpauthLink(value) };
}
