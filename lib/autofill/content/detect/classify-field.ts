/**
 * What one input looks like on its own: password or not, current/new/confirm wording, identifier evidence,
 * one-time-code wording, card data. `autocomplete` decides first; then the field's own text (labels,
 * aria-label, aria-labelledby, placeholder, title, name, id, nearby text) votes, labels counting double.
 */
import {
  CARD,
  CODE,
  CONFIRM,
  CURRENT,
  EMAIL_WORD,
  NEW,
  NOT_IDENTIFIER,
  NUMBER_WORD,
  OTHER_FIELD,
  OTP,
  PASSWORD_WORD,
  PHONE_WORD,
  QUESTION,
  RESET,
  USERNAME,
} from './detection-keywords';
import { findNearbyText } from './find-nearby-text';
import { normalizeDetectionText } from './normalize-detection-text';

/** Which password a password field asks for, when its autocomplete or wording says. */
export type PasswordHint = 'current' | 'new' | 'confirm';

/** The traits of one input that form classification combines. */
export interface FieldTraits {
  el: HTMLInputElement;
  /**
   * A password field: typed password (or typed so before a show-password toggle switched it to text), or a
   * text field whose autocomplete or own words say password; never a card number, CVC, PIN box or the answer to
   * a secret question.
   */
  password: boolean;
  /** What the field's words say (what a person reads), else what its autocomplete says. */
  hint?: PasswordHint | undefined;
  /** What `autocomplete` alone says: sites copy current-password onto sign-up fields, so the form weighs it. */
  acHint?: PasswordHint | undefined;
  /** `hint` comes from the field's words, not only from its autocomplete. */
  worded: boolean;
  /** Identifier evidence: above 0 a username, email or phone field; below 0 other personal or card data. */
  user: number;
  otp: boolean;
  /** Card number, expiry or verification code. */
  card: boolean;
  /** A box for one or two characters: one digit of a split code or PIN. */
  box: boolean;
  /** Words that mean nothing but a one-time code ("one-time", "verification"), not just "code". */
  strongOtp: boolean;
  /** A label, placeholder or aria-label (what a person reads) names an account, not only an email or phone ("E-Mail / Username"). */
  said: boolean;
  /** `autocomplete` names a login identifier (username, email, webauthn). */
  acUser: boolean;
  /**
   * What kind of identifier the field asks for, by autocomplete, type, then wording; `number` is an ID, member or
   * customer number, which a site gives, not a user name one chooses (said in a text's first four words: later
   * ones are help, "letters and numbers only").
   */
  identifier: 'name' | 'email' | 'phone' | 'number';
}

const AC_USER = /\b(username|email|webauthn)\b/;
/**
 * Inputs seen as `type=password`: a show-password toggle switches the same element to `type=text`, and it is
 * still the password field. Weak, so a removed element is not kept alive.
 */
const seenMasked = new WeakSet<HTMLInputElement>();
const AC_PHONE = /\btel\b/;
// given-name, family-name and additional-name end in a word `name`.
const AC_OTHER = /\b(name|nickname|organization|street-address|address-l(ine|evel)\d|country|postal-code|bday\S*|sex|url|photo)\b/;

/**
 * "Mobile no. (a one-time password will be sent to you)": three words or more that name an account come before
 * the first code word, so the code is what will be sent to this field, not what it asks for.
 */
function namesAccountFirst(text: string): boolean {
  const head = text.slice(0, Math.min(...[OTP, CODE].map((re) => text.search(re) >>> 0)));
  return head.split(' ').length > 3 && USERNAME.test(head);
}

/** The field's own texts with their weights: what a person reads counts double what a developer named. */
function fieldTexts(el: HTMLInputElement): Array<[string, number]> {
  const texts: Array<[string, number]> = [];
  const read = (text: string | null | undefined, weight: number) => {
    const norm = normalizeDetectionText(text);
    if (norm) texts.push([norm, weight]);
  };
  // The last label only: a site that copies <label for="password"> onto two fields names the first one wrongly.
  const labels = el.labels;
  if (labels?.length) read(labels[labels.length - 1]!.textContent, 2);
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const id of el.getAttribute(attr)?.split(/\s+/) ?? []) {
      const target = id ? root.getElementById(id) : null;
      // Not an element holding the field: aria-describedby="New password" points at id="password", the form.
      if (target && !target.contains(el)) read(target.textContent, attr === 'aria-labelledby' ? 2 : 1);
    }
  }
  read(el.getAttribute('aria-label'), 2);
  read(el.placeholder, 2);
  read(el.title, 1);
  // In a table row the row's header names the field (<th>Current password</th><td><em>At least 6 characters</em>
  // <input>): the nearby text would be the help before the field in its own cell.
  if (!texts.some(([, weight]) => weight === 2)) {
    read(el.closest('td')?.parentElement?.querySelector(':scope>th')?.textContent?.trim() || findNearbyText(el), 2);
  }
  // Name and id are one developer's choice, often the same word: one vote between them.
  read(`${el.name} ${el.id}`, 1);
  return texts;
}

/**
 * Reads the traits of one candidate input. Reads no style or layout.
 *
 * @param el - a `text`, `email`, `tel`, `password` or `number` input
 * @returns its traits, for `classifyForm`
 * @example classifyField(input).hint; // "confirm" for <input type=password placeholder="Repeat password">
 */
export function classifyField(el: HTMLInputElement): FieldTraits {
  const ac = (el.getAttribute('autocomplete') ?? '').toLowerCase();
  const texts = fieldTexts(el);
  const all = texts.map(([text]) => text).join(' | ');
  const card = /\bcc-/.test(ac) || CARD.test(all);
  const box = el.maxLength > 0 && el.maxLength <= 2;
  const oneTime = /one-time-code/.test(ac);
  const traits: FieldTraits = {
    el,
    password: false,
    worded: false,
    user: 0,
    otp: oneTime,
    strongOtp: oneTime,
    said: false,
    card,
    box,
    acUser: AC_USER.test(ac),
    identifier:
      /\busername\b/.test(ac) ? 'name'
      : /\bemail\b/.test(ac) || el.type === 'email' ? 'email'
      : AC_PHONE.test(ac) || el.type === 'tel' ? 'phone'
      : EMAIL_WORD.test(all) ? 'email'
      : PHONE_WORD.test(all) ? 'phone'
      : texts.some(([text]) => NUMBER_WORD.test(text.split(' ', 4).join(' '))) ? 'number'
      : 'name',
  };
  // Decoys ("fakeusernameremembered", "password_input_fake") are there to catch autofill: never credentials.
  if (/fake|dummy|decoy|honey ?pot/.test(all)) {
    traits.user = -4;
    return traits;
  }
  const masked = el.type === 'password';
  if (masked) seenMasked.add(el);
  // "ego_secret" beside "Heslo" is the password; a secret question's answer does not say password.
  const question = QUESTION.test(all) && !PASSWORD_WORD.test(all);
  // A password shown in clear: it was masked before (the toggle), or its own words say password and nothing
  // else ("forgot password", "password hint", "one-time password", "username or password", "search passwords").
  // autocomplete=new-password alone is not enough: sites put it on address fields to stop browser autofill.
  // Words for password outvote words for an account; a developer's "customerPassword" is a password, a label
  // "Username or password" is neither.
  let says = 0;
  for (const [text, weight] of texts) {
    says += PASSWORD_WORD.test(text) ? (weight > 1 && USERNAME.test(text) ? 0 : weight) : USERNAME.test(text) ? -weight : 0;
  }
  const shown =
    !masked &&
    (seenMasked.has(el) ||
      (says > 0 &&
        !question &&
        !/hint|remind|hinweis|indice|pista|dica/.test(all) &&
        !AC_USER.test(ac) &&
        ![RESET, OTP, NOT_IDENTIFIER].some((re) => re.test(all))));
  if (masked || shown) {
    // A masked one-time code ("MFA code") is a code unless it also says "password".
    traits.otp ||= masked && !card && !box && (OTP.test(all) || CODE.test(all)) && !PASSWORD_WORD.test(all);
    // No password is three characters long: masked boxes that short are parts of a number (an SSN, a PIN).
    traits.password = !card && !box && !traits.otp && !question && !(el.maxLength > 0 && el.maxLength < 4);
    traits.acHint = /current-password/.test(ac) ? 'current' : /new-password/.test(ac) ? 'new' : undefined;
    // What a person reads outranks autocomplete, often copied from the site's login form onto its sign-up
    // fields, or set to new-password everywhere to keep browsers from filling.
    traits.hint = CURRENT.test(all) ? 'current' : CONFIRM.test(all) ? 'confirm' : NEW.test(all) ? 'new' : undefined;
    traits.worded = !!traits.hint;
    traits.hint ||= traits.acHint;
    // A masked field that is no password (a secret answer, a PIN box) is no identifier either.
    if (masked && !traits.password) traits.user = -4;
    if (traits.password || masked) return traits;
  }
  // A search box is no identifier unless its words or autocomplete say so (AT&T's User ID is type=search).
  let user = el.type === 'email' ? 2 : el.type === 'tel' ? 1 : el.type === 'search' ? -1 : 0;
  let otp = 0;
  for (const [text, weight] of texts) {
    if (NOT_IDENTIFIER.test(text)) user -= weight;
    else if (!namesAccountFirst(text) && (OTP.test(text) || (CODE.test(text) && !(USERNAME.test(text) && !EMAIL_WORD.test(text) && !PHONE_WORD.test(text))))) {
      // "Code" beside an account word is an identifier; beside "email" or "phone" it is the code sent there.
      otp += weight;
      traits.strongOtp ||= OTP.test(text);
    } else if (USERNAME.test(text)) {
      user += weight;
      traits.said ||= weight > 1 && USERNAME.test(text.replace(EMAIL_WORD, '').replace(PHONE_WORD, ''));
    } else if (OTHER_FIELD.test(text)) user -= weight;
  }
  if (traits.acUser) user += 4;
  else if (AC_PHONE.test(ac)) user += 1;
  else if (card || AC_OTHER.test(ac)) user = Math.min(user, 0) - 4;
  traits.user = user;
  traits.otp ||= !card && otp > 0 && otp >= user;
  return traits;
}
