/**
 * The save-or-update decision after a form submit: which saved login, if any, a submitted form's
 * credentials belong to, and whether anything is left to do. Logins shared with this vault count too: what
 * came from a share never becomes an item of the recipient's own (S3, least privilege). Pure; runs in the
 * background only.
 */
import type { Submission } from '../autofill-save-messages';
import { siteOf } from '../../vault/records/blind-index';
import type { Item } from '../../vault/model/item-schema';
import type { Permission } from '../../vault/model/share-permission';

/** A saved login as the decision sees it. */
export type Login = Item & { content: { type: 'login' } };

/** A login shared with this vault, for the site submitted on (or one of its shared-credential group). */
export interface ReceivedLogin {
  /** Received item id (`shared-…`), the owner's version as `rev`, the full content. */
  item: Item;
  permission: Permission;
  /** The owner's handle, named in a proposal. */
  owner: string;
}

/**
 * What to offer. `update` carries the revision it was decided on, so a concurrent edit is a conflict;
 * `propose` sends the change to a shared login's owner (edit grants only), from the version seen (`shared.rev`).
 */
export type SaveDecision =
  | { action: 'none'; reason: 'no-password' | 'confirm-mismatch' | 'identical' | 'received' }
  | { action: 'create'; username: string; password: string }
  | { action: 'update'; itemId: string; rev: number; username: string; password: string }
  | { action: 'propose'; shared: Login; owner: string; username: string; password: string };

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
 * - Received logins (S3): a password to keep that equals a received login's password is never saved, whatever
 *   the username (a page can move a filled password into any field, a user can edit the username). A
 *   password change whose current password is a received login's, or a login with a received login's
 *   username on an origin it applies to and no own login to update, is that shared account: with an `edit`
 *   grant the change is proposed to the owner, with `view` or `autofill-only` nothing is offered.
 *
 * @param submission - the submitted values; each at most 4096 characters, `''` when absent
 * @param origin - the submitting frame's origin, e.g. `https://accounts.example.com`
 * @param items - the vault's items for that site (any type; non-logins are ignored)
 * @param received - the logins shared with this vault for that site and its shared-credential group
 * @example decideSave({ username: 'a', currentPassword: 'p', newPassword: '', confirmPassword: '' }, 'https://x.com', []);
 * // { action: 'create', username: 'a', password: 'p' }
 */
export function decideSave(submission: Submission, origin: string, items: readonly Item[], received: readonly ReceivedLogin[] = []): SaveDecision {
  const password = submission.newPassword || submission.currentPassword;
  if (password === '') return { action: 'none', reason: 'no-password' };
  if (submission.newPassword !== '' && submission.confirmPassword !== '' && submission.confirmPassword !== submission.newPassword) {
    return { action: 'none', reason: 'confirm-mismatch' };
  }
  const username = submission.username.trim();
  const shared = received.filter((r): r is ReceivedLogin & { item: Login } => r.item.content.type === 'login');
  if (shared.some((r) => r.item.content.password === password)) return { action: 'none', reason: 'received' };
  const changed = submission.newPassword !== '' && submission.currentPassword !== ''
    ? shared.find((r) => r.item.content.password === submission.currentPassword)
    : undefined;
  if (changed) return proposeTo(changed, username, password);
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
  const sharedAccount = target || username === '' ? undefined : shared.find((r) => sameUsername(r.item.content.username, username) && appliesTo(r.item, origin));
  if (sharedAccount) return proposeTo(sharedAccount, username, password);
  if (!target) return { action: 'create', username, password };
  return {
    action: 'update',
    itemId: target.id,
    rev: target.rev,
    username: target.content.username.trim() === '' ? username : target.content.username,
    password,
  };
}

/** A change to a shared login: proposed to its owner under an edit grant, else nothing to offer. */
function proposeTo(shared: ReceivedLogin & { item: Login }, username: string, password: string): SaveDecision {
  if (shared.permission !== 'edit') return { action: 'none', reason: 'received' };
  const { item } = shared;
  return {
    action: 'propose',
    shared: item,
    owner: shared.owner,
    username: item.content.username.trim() === '' ? username : item.content.username,
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
