/**
 * Writes a released credential into the fields of a fill plan, each through `setInputValue`, re-checking
 * each field's visibility at that moment (T15): a field the page hid after the plan was made stays empty.
 */
import type { FillPlan } from './plan-fill';
import { isFillable } from './is-fillable';
import { setInputValue } from './set-input-value';

/** What the background released; absent values are not written. */
export interface Credential {
  username?: string;
  password?: string;
  totp?: string;
}

/**
 * @param canFill - the visibility rule; `isFillable` unless a test supplies another
 * @returns the elements written to, in order (username, password, code)
 * @example const filled = fillForm(planFill(form), { username: 'ann', password: '…' });
 */
export function fillForm(plan: FillPlan, credential: Credential, canFill: (input: HTMLInputElement) => boolean = isFillable): HTMLInputElement[] {
  const filled: HTMLInputElement[] = [];
  const write = (input: HTMLInputElement | null, value: string | undefined) => {
    if (input === null || value === undefined || !canFill(input)) return;
    setInputValue(input, value);
    filled.push(input);
  };
  write(plan.username, credential.username);
  write(plan.password, credential.password);
  const code = credential.totp;
  if (code !== undefined && plan.otp.length === 1) write(plan.otp[0]!, code);
  // A split code: one digit per box, and only when there is a box for every digit.
  if (code !== undefined && plan.otp.length > 1 && plan.otp.length === code.length) plan.otp.forEach((box, i) => write(box, code[i]));
  return filled;
}
