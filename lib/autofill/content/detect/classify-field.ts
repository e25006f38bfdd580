/**
 * What one input looks like on its own: password or not, current/new/confirm wording, identifier evidence,
 * one-time-code wording, card data. `autocomplete` decides first; then the field's own text (labels,
 * aria-label, aria-labelledby, placeholder, title, name, id, nearby text) votes, labels counting double.
 */
import {
  CARD,
  CONFIRM,
  CURRENT,
  EMAIL_WORD,
  NEW,
  NOT_IDENTIFIER,
  OTHER_FIELD,
  OTP,
  PASSWORD_WORD,
  PHONE_WORD,
  USERNAME,
} from './detection-keywords';
import { findNearbyText } from './find-nearby-text';
import { normalizeDetectionText } from './normalize-detection-text';

/** Which password a password field asks for, when its autocomplete or wording says. */
export type PasswordHint = 'current' | 'new' | 'confirm';

/** The traits of one input that form classification combines. */
export interface FieldTraits {
  el: HTMLInputElement;
  /** Typed password and not a card number, CVC or single-character PIN box. */
  password: boolean;
  hint: PasswordHint | undefined;
  /** Identifier evidence: above 0 a username, email or phone field; below 0 other personal or card data. */
  user: number;
  otp: boolean;
  /** Card number, expiry or verification code. */
  card: boolean;
  /** A box for one or two characters: one digit of a split code or PIN. */
  box: boolean;
  /** `autocomplete` names a login identifier (username, email, webauthn). */
  acUser: boolean;
  /** What kind of identifier the field asks for, by autocomplete, type, then wording. */
  identifier: 'name' | 'email' | 'phone';
}

const AC_USER = /\b(username|email|webauthn)\b/;
const AC_PHONE = /\btel\b/;
const AC_OTHER = /\b(name|given-name|family-name|additional-name|nickname|organization|street-address|address-line\d|address-level\d|country|postal-code|bday\S*|sex|url|photo)\b/;

/** The field's own texts with their weights: what a person reads counts double what a developer named. */
function fieldTexts(el: HTMLInputElement): Array<[string, number]> {
  const texts: Array<[string, number]> = [];
  const read = (text: string | null | undefined, weight: number) => {
    const norm = normalizeDetectionText(text);
    if (norm) texts.push([norm, weight]);
  };
  for (const label of el.labels ?? []) read(label.textContent, 2);
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const id of el.getAttribute(attr)?.split(/\s+/) ?? []) {
      if (id) read(root.getElementById(id)?.textContent, attr === 'aria-labelledby' ? 2 : 1);
    }
  }
  read(el.getAttribute('aria-label'), 2);
  read(el.placeholder, 2);
  read(el.title, 1);
  if (!texts.some(([, weight]) => weight === 2)) read(findNearbyText(el), 2);
  read(el.name, 1);
  read(el.id, 1);
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
  const traits: FieldTraits = {
    el,
    password: false,
    hint: undefined,
    user: 0,
    otp: /one-time-code/.test(ac),
    card,
    box,
    acUser: AC_USER.test(ac),
    identifier:
      /\busername\b/.test(ac) ? 'name'
      : /\bemail\b/.test(ac) || el.type === 'email' || EMAIL_WORD.test(all) ? 'email'
      : AC_PHONE.test(ac) || el.type === 'tel' || PHONE_WORD.test(all) ? 'phone'
      : 'name',
  };
  if (el.type === 'password') {
    // A masked one-time code ("MFA code") is a code unless it also says "password".
    traits.otp ||= !card && !box && OTP.test(all) && !PASSWORD_WORD.test(all);
    traits.password = !card && !box && !traits.otp;
    traits.hint = /current-password/.test(ac)
      ? 'current'
      : /new-password/.test(ac)
        ? 'new'
        : CURRENT.test(all)
          ? 'current'
          : CONFIRM.test(all)
            ? 'confirm'
            : NEW.test(all)
              ? 'new'
              : undefined;
    return traits;
  }
  let user = el.type === 'email' ? 2 : el.type === 'tel' ? 1 : 0;
  let otp = 0;
  for (const [text, weight] of texts) {
    if (NOT_IDENTIFIER.test(text)) user -= weight;
    else if (OTP.test(text)) otp += weight;
    else if (USERNAME.test(text)) user += weight;
    else if (OTHER_FIELD.test(text)) user -= weight;
  }
  if (traits.acUser) user += 4;
  else if (AC_PHONE.test(ac)) user += 1;
  else if (card || AC_OTHER.test(ac)) user = Math.min(user, 0) - 4;
  traits.user = user;
  traits.otp ||= !card && otp > 0 && otp >= user;
  return traits;
}
