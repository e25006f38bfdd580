/**
 * The daily rotation check: a repeating `browser.alarms` alarm, which outlives the service worker. The
 * background counts the logins due for rotation when it fires (and the vault is unlocked) and puts the count
 * on the toolbar badge (lib/browser/badge).
 */
import { browser } from 'wxt/browser';

export const ROTATION_CHECK_ALARM = 'rotation-check';
/** Once a day, in minutes. */
export const ROTATION_CHECK_PERIOD_MINUTES = 24 * 60;
/** The first check after the alarm is created, in minutes (Chrome's floor for alarms is 30 s). */
export const ROTATION_CHECK_FIRST_DELAY_MINUTES = 1;

/**
 * Creates the daily alarm unless it exists already, so a service-worker restart does not push the next
 * check another day away.
 * @example await armRotationCheck(); // at every background start
 */
export async function armRotationCheck(): Promise<void> {
  if (await browser.alarms.get(ROTATION_CHECK_ALARM)) return;
  await browser.alarms.create(ROTATION_CHECK_ALARM, {
    delayInMinutes: ROTATION_CHECK_FIRST_DELAY_MINUTES,
    periodInMinutes: ROTATION_CHECK_PERIOD_MINUTES,
  });
}
