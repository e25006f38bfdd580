/**
 * Reads what a detected form holds at the moment it is submitted, as the save flow reports it to the
 * background. Content script side: plain DOM reads, no dependencies.
 */
import type { Submission } from '../../autofill-save-messages';
import { MAX_SHORT } from '../../../vault/model/item-limits';
import type { DetectedForm, FieldRole, FormKind } from '../detect/form-types';

/** Form kinds whose submit can mean a login to save or a password to update. */
const SAVEABLE: ReadonlySet<FormKind> = new Set(['login', 'password-step', 'signup', 'change-password']);

/**
 * The submission a form stands for, or `null` when it holds nothing worth saving: a kind that never
 * carries a password to keep (password reset, one-time code, username step), no password typed, or a
 * value longer than MAX_SHORT (4,096) characters, which the background refuses: not something a person typed.
 * @param form - from `detectForms`, read before the page clears or removes it
 * @returns the values by role; `''` for a role the form lacks (the first field of each role counts)
 * @example readSubmission(detectForms(document)[0]!); // { username: 'alice', currentPassword: '…', newPassword: '', confirmPassword: '' }
 */
export function readSubmission(form: DetectedForm): Submission | null {
  if (!SAVEABLE.has(form.kind)) return null;
  const value = (role: FieldRole): string => form.fields.find((field) => field.role === role)?.elements[0]?.value ?? '';
  const submission: Submission = {
    username: value('username').trim(),
    currentPassword: value('current-password'),
    newPassword: value('new-password'),
    confirmPassword: value('confirm-password'),
  };
  if (submission.currentPassword === '' && submission.newPassword === '') return null;
  if (Object.values(submission).some((v) => v.length > MAX_SHORT)) return null;
  return submission;
}
