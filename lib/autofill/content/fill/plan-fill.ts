/**
 * Which fields of a detected form would be filled, and so which values to ask the background for (S3: a
 * username page gets no password). Only visible fields count (`isFillable`, T15). A sign-up form's username
 * is the new account's and its passwords are new ones (the generator's job), so only logins, their steps,
 * one-time-code forms and a change-password form's current password are filled.
 */
import type { FillField } from '../../autofill-messages';
import type { DetectedForm } from '../detect/form-types';
import { isFillable } from './is-fillable';

/** The elements a fill writes to. */
export interface FillPlan {
  username: HTMLInputElement | null;
  password: HTMLInputElement | null;
  /** One element, or one per digit for a split code (6 × maxlength=1). */
  otp: HTMLInputElement[];
  /**
   * The values to ask for: the background releases only these. `totp` only for a code field: after a password
   * alone the background copies the code itself (autofillCopyTotp), so the content script never holds it.
   */
  fields: FillField[];
}

const USERNAME_KINDS: readonly string[] = ['login', 'username-step'];
const PASSWORD_KINDS: readonly string[] = ['login', 'password-step', 'change-password'];

/**
 * @param canFill - the visibility rule; `isFillable` unless a test supplies another
 * @returns the plan; `fields` is empty when nothing visible can be filled
 */
export function planFill(form: DetectedForm, canFill: (input: HTMLInputElement) => boolean = isFillable): FillPlan {
  const first = (role: string) =>
    form.fields.filter((f) => f.role === role && f.elements.length === 1).map((f) => f.elements[0]!).find(canFill) ?? null;
  const otpField = form.fields.find((f) => f.role === 'otp' && f.elements.length > 0 && f.elements.every(canFill));
  const username = USERNAME_KINDS.includes(form.kind) ? first('username') : null;
  const password = PASSWORD_KINDS.includes(form.kind) ? first('current-password') : null;
  const otp = otpField?.elements ?? [];
  const fields: FillField[] = [];
  if (username) fields.push('username');
  if (password) fields.push('password');
  if (otp.length > 0) fields.push('totp');
  return { username, password, otp, fields };
}
