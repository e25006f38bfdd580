/** The toolbar badge's rotation count: logins whose password is due for a change and not snoozed. */
import type { HealthRow } from './analyze-health';
import { rotationStatus } from './rotation-status';

/**
 * @param rows - live logins with a password, from their stored health (lib/health/background/health-rows)
 * @param now - ms since epoch
 * @param defaultDays - global rotation period in days
 * @returns how many are due now and not snoozed
 * @example countRotationDue(healthRows(vault).rows, Date.now(), 90); // 3
 */
export function countRotationDue(rows: readonly HealthRow[], now: number, defaultDays: number): number {
  let due = 0;
  for (const { health } of rows) {
    const status = rotationStatus(
      { passwordChangedAt: health.passwordSetAt, passwordHistory: [], createdAt: health.passwordSetAt, rotationDays: health.rotationDays, rotationSnoozedUntil: health.snoozedUntil },
      now,
      defaultDays,
    );
    if (status.due && !status.snoozed) due++;
  }
  return due;
}
