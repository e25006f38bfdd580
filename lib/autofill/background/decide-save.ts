/**
 * The save-or-update decision after a form submit: which saved login, if any, a submitted form's
 * credentials belong to, and whether anything is left to do. Pure; runs in the background only.
 */
import type { Submission } from '../autofill-save-messages';
import { siteOf } from '../../vault/records/blind-index';
import type { Item } from '../../vault/model/item-schema';

/** A saved login as the decision sees it. */
type Login = Item & { content: { type: 'login' } };

/** What to offer. `update` carries the revision it was decided on, so a concurrent edit is a conflict. */
export type SaveDecision =
  | { action: 'none'; reason: 'no-password' | 'confirm-mismatch' | 'identical' }
  | { action: 'create'; username: string; password: string }
  | { action: 'update'; itemId: string; rev: number; username: string; password: string };

/**
 * Decides what a submit means for the vault.
 *
 * - The password to keep is the new password (sign-up, change-password) or else the current one (login).
 *   A confirm field that differs from the new password means a typo the site will refuse: nothing.
 * - Nothing when a login of the same site already has this username (case-insensitive, trimmed) and
 *   this password (exactly): there is nothing to save.
 * - Otherwise the target is a login that applies to `origin` (a URL with that exact origin, or
 *   registrable-domain matching switched on and the same site, T20). With a username: the login with that
 *   username, else the only one saved without a username (which then gets it). Without one: for a
 *   change-password form the login whose password was the current password, else the only login for the
 *   origin. A target means `update` (its history keeps the old password); no target means `create`.
 *   Among several equal candidates the most recently updated wins; several unrelated ones are never guessed.
 *
 * @param submission - the submitted values; each at most 4096 characters, `''` when absent
 * @param origin - the submitting frame's origin, e.g. `https://accounts.example.com`
 * @param items - the vault's items for that site (any type; non-logins are ignored)
 * @example decideSave({ username: 'a', currentPassword: 'p', newPassword: '', confirmPassword: '' }, 'https://x.com', []);
 * // { action: 'create', username: 'a', password: 'p' }
 */
export function decideSave(submission: Submission, origin: string, items: readonly Item[]): SaveDecision {
  const password = submission.newPassword || submission.currentPassword;
  if (password === '') return { action: 'none', reason: 'no-password' };
  if (submission.newPassword !== '' && submission.confirmPassword !== '' && submission.confirmPassword !== submission.newPassword) {
    return { action: 'none', reason: 'confirm-mismatch' };
  }
  const username = submission.username.trim();
  const logins = items
    .filter((item): item is Login => item.content.type === 'login')
    .sort((a, b) => b.content.updatedAt - a.content.updatedAt);
  const sameUser = (item: Login) => username !== '' && sameUsername(item.content.username, username);

  const identical = logins.some((item) => item.content.password === password && (username === '' || sameUser(item)));
  if (identical) return { action: 'none', reason: 'identical' };

  const here = logins.filter((item) => appliesTo(item, origin));
  let target: Login | undefined;
  if (username !== '') {
    const unnamed = here.filter((item) => item.content.username.trim() === '');
    target = here.find(sameUser) ?? (unnamed.length === 1 ? unnamed[0] : undefined);
  } else {
    const current = submission.newPassword !== '' && submission.currentPassword !== ''
      ? here.filter((item) => item.content.password === submission.currentPassword)
      : [];
    target = current[0] ?? (here.length === 1 ? here[0] : undefined);
  }
  if (!target) return { action: 'create', username, password };
  return {
    action: 'update',
    itemId: target.id,
    rev: target.rev,
    username: target.content.username.trim() === '' ? username : target.content.username,
    password,
  };
}

/** Usernames and e-mail addresses compare case-insensitively, ignoring surrounding spaces. */
function sameUsername(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether a login would be filled on `origin`: exact origin, or the same site when the item allows it. */
function appliesTo(item: Login, origin: string): boolean {
  const site = siteOf(origin);
  return item.content.urls.some((url) => {
    if (item.content.match === 'domain') return site !== null && siteOf(url) === site;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  });
}
