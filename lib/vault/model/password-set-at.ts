/** When a login's current password was set: the age that rotation reminders and the Health view measure. */
import type { ItemContent } from './item-schema';

type Login = Extract<ItemContent, { type: 'login' }>;

/**
 * `passwordChangedAt` when the vault recorded it (update-item sets it on every password change); for logins
 * saved before that field, or created and never changed, the newest password-history entry's `changedAt`
 * (the moment the previous password was replaced), else `createdAt`.
 * @returns ms since epoch
 * @example passwordSetAt({ ...login, passwordHistory: [{ password: 'old', changedAt: t }] }); // t
 */
export function passwordSetAt(login: Pick<Login, 'passwordChangedAt' | 'passwordHistory' | 'createdAt'>): number {
  if (login.passwordChangedAt !== undefined) return login.passwordChangedAt;
  // History is kept newest first, but an imported one need not be: take the latest.
  let latest: number | undefined;
  for (const entry of login.passwordHistory) if (latest === undefined || entry.changedAt > latest) latest = entry.changedAt;
  return latest ?? login.createdAt;
}
