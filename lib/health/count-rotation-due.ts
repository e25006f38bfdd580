/** The toolbar badge's rotation count: logins whose password is due for a change and not snoozed. */
import type { Item } from '../vault/model/item-schema';
import { rotationStatus } from './rotation-status';

/**
 * @param items - decrypted live items; notes and logins without a password are not counted
 * @param now - ms since epoch
 * @param defaultDays - global rotation period in days
 * @returns how many are due now and not snoozed
 * @example countRotationDue(items, Date.now(), 90); // 3
 */
export function countRotationDue(items: readonly Item[], now: number, defaultDays: number): number {
  let due = 0;
  for (const { content } of items) {
    if (content.type !== 'login' || content.password === '') continue;
    const status = rotationStatus(content, now, defaultDays);
    if (status.due && !status.snoozed) due++;
  }
  return due;
}
