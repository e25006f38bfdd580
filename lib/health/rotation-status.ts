/** Rotation reminders: whether a login's password is due for a change, and whether the reminder is snoozed. */
import type { ItemContent } from '../vault/model/item-schema';
import { passwordSetAt } from '../vault/model/password-set-at';

type Login = Extract<ItemContent, { type: 'login' }>;

/** The common policy, used when neither the login nor the settings set a period: 90 days. */
export const DEFAULT_ROTATION_DAYS = 90;
/** One day in ms. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Where one login stands. Times in ms since epoch. */
export interface RotationStatus {
  passwordSetAt: number;
  /** The period that applies, in days: the login's own (> 0), else `defaultDays`. */
  rotationDays: number;
  dueAt: number;
  /** `now` is at or past `dueAt`. */
  due: boolean;
  /** Due, but `rotationSnoozedUntil` is still in the future. */
  snoozed: boolean;
}

/**
 * @param login - a decrypted login
 * @param now - ms since epoch (injected: tests and the daily alarm pass their own clock)
 * @param defaultDays - the global period in days (Settings), used when the login's `rotationDays` is 0 or absent
 * @throws RangeError when `defaultDays` is not a positive integer
 * @example rotationStatus(login, Date.now(), 90).due
 */
export function rotationStatus(
  login: Pick<Login, 'passwordChangedAt' | 'passwordHistory' | 'createdAt' | 'rotationDays' | 'rotationSnoozedUntil'>,
  now: number,
  defaultDays: number = DEFAULT_ROTATION_DAYS,
): RotationStatus {
  if (!Number.isInteger(defaultDays) || defaultDays <= 0) throw new RangeError('rotationStatus: defaultDays must be a positive integer');
  const setAt = passwordSetAt(login);
  const rotationDays = login.rotationDays !== undefined && login.rotationDays > 0 ? login.rotationDays : defaultDays;
  const dueAt = setAt + rotationDays * DAY_MS;
  const due = now >= dueAt;
  return { passwordSetAt: setAt, rotationDays, dueAt, due, snoozed: due && (login.rotationSnoozedUntil ?? 0) > now };
}
