/** Words and formats the sharing views share: permissions, expiries, contact states, and the background's sharing errors. */
import { errorText } from '../kit/error-text';

export type PermissionChoice = 'view' | 'edit' | 'autofill-only';

export const PERMISSION_TEXT: Record<PermissionChoice, string> = {
  view: 'Can view',
  edit: 'Can edit',
  'autofill-only': 'Autofill only',
};

/** Said wherever autofill-only is offered or shown, plainly (issue 4). */
export const AUTOFILL_ONLY_NOTE =
  'Autofill only hides the password in the recipient’s Sealpass, but the password still reaches their device and the page it fills. It is a convenience, not protection: share only with people you would trust with the password itself.';

export const STATE_TEXT: Record<'unverified' | 'verified' | 'changed' | 'unknown', string> = {
  unverified: 'not verified',
  verified: 'verified',
  changed: 'key changed',
  unknown: 'not in your contacts',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time for the sharing views, or the given fallback when there is none. */
export function formatTime(at: number | null | undefined, none = '—'): string {
  return at === null || at === undefined ? none : dateTime.format(at);
}

/** "until 3 Feb 2027, 10:00" or "no expiry". */
export function expiryText(at: number | null): string {
  return at === null ? 'no expiry' : `until ${dateTime.format(at)}`;
}

/**
 * The sentence for a failed sharing call: the background's own message (written for people, naming a
 * contact's handle at most, never a secret) for sharing errors, the usual words otherwise.
 */
export function sharingErrorText(error: { code: string; message?: string }): string {
  if (error.code === 'locked' || (error.code === 'internal' && !error.message)) return errorText(error);
  return error.message && error.message !== '' ? error.message : errorText(error);
}
