/**
 * Sharing's alarms (`browser.alarms` outlive the service worker): a relay poll every minute, and one
 * alarm at the earliest expiry of a received copy, so the copy is deleted at its time even while the
 * browser is offline or the vault is locked.
 */
import { browser } from 'wxt/browser';
import type { SharingPlatform } from '../sharing/sync/sharing-platform';

export const SHARING_SYNC_ALARM = 'sharing-sync';
export const SHARING_EXPIRY_ALARM = 'sharing-expiry';
/** The relay poll's period, in minutes (Chrome's floor for repeating alarms is 30 s). */
export const SHARING_SYNC_PERIOD_MINUTES = 1;

/**
 * Creates the poll alarm unless it exists, so a service-worker restart does not push the next poll away.
 * @example await armSharingSync(); // at every background start
 */
export async function armSharingSync(): Promise<void> {
  if (await browser.alarms.get(SHARING_SYNC_ALARM)) return;
  await browser.alarms.create(SHARING_SYNC_ALARM, { delayInMinutes: SHARING_SYNC_PERIOD_MINUTES, periodInMinutes: SHARING_SYNC_PERIOD_MINUTES });
}

/** The real sharing platform: the global fetch (host permissions cover http and https relays) and the expiry alarm. */
export const browserSharingPlatform: SharingPlatform = {
  fetch: (input, init) => fetch(input, init),
  async scheduleExpiry(at) {
    if (at === null) return void (await browser.alarms.clear(SHARING_EXPIRY_ALARM));
    await browser.alarms.create(SHARING_EXPIRY_ALARM, { when: at });
  },
};
