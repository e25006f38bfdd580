/** How an imported entry updates the item it duplicates (the user chose "replace"). */
import { VaultError } from './vault-error';
import type { ImportContent } from './import-entry';
import { MAX_PASSWORD_HISTORY } from './item-limits';

/**
 * `previous` updated with `incoming`: imported values win, empty imported values keep the previous ones;
 * URLs and tags are merged, custom fields merged by name (imported wins); a changed password goes into
 * the history at `now`, the history merged newest first and cut to 100 entries, and, as in an edit, it
 * restarts the rotation clock (`passwordChangedAt`: the import's own date for it, else `now`) and ends a snooze; the creation time, the fill rule
 * (`match`) and the rotation period stay unless the import sets one; `updatedAt` becomes `now`.
 * @param now - ms since epoch
 * @throws VaultError `invalid-request` when the two are not the same type (login or note)
 * @example mergeImportContent(existingLogin, importedLogin, Date.now()).passwordHistory[0].password // the old password
 */
export function mergeImportContent(previous: ImportContent, incoming: ImportContent, now: number): ImportContent {
  if (previous.type !== incoming.type) throw new VaultError('invalid-request', 'An item cannot change its type.');
  const incomingNames = new Set(incoming.fields.map((field) => field.name));
  const common = {
    title: incoming.title,
    notes: incoming.notes || previous.notes,
    fields: [...previous.fields.filter((field) => !incomingNames.has(field.name)), ...incoming.fields],
    folder: incoming.folder || previous.folder,
    tags: [...new Set([...previous.tags, ...incoming.tags])],
    favourite: incoming.favourite || previous.favourite,
    ...(previous.createdAt === undefined ? {} : { createdAt: previous.createdAt }),
    updatedAt: now,
  };
  if (previous.type === 'note' || incoming.type === 'note') return { type: 'note', ...common };
  const password = incoming.password || previous.password;
  const changed = previous.password !== password;
  const history = [
    ...(previous.password && changed ? [{ password: previous.password, changedAt: now }] : []),
    ...(incoming.passwordHistory ?? []),
    ...(previous.passwordHistory ?? []),
  ].sort((a, b) => b.changedAt - a.changedAt);
  return {
    type: 'login',
    ...common,
    username: incoming.username || previous.username,
    password,
    urls: [...new Set([...incoming.urls, ...previous.urls])],
    totp: incoming.totp || previous.totp,
    match: previous.match,
    passwordHistory: history.slice(0, MAX_PASSWORD_HISTORY),
    // As an edit does (update-item): a new password restarts the rotation clock and ends a snooze.
    ...definedOnly({
      rotationDays: incoming.rotationDays ?? previous.rotationDays,
      // The export may say when its password was set (an old one must count as old in Health); else now.
      passwordChangedAt: changed ? (incoming.passwordChangedAt ?? now) : previous.passwordChangedAt,
      rotationSnoozedUntil: changed ? undefined : previous.rotationSnoozedUntil,
    }),
  };
}

/** The entries whose value is set: an absent optional field stays absent instead of becoming `undefined`. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
