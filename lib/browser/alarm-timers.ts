/**
 * Auto-lock and clipboard clearing with `browser.alarms`, which outlive the service worker. Chrome fires
 * alarms no sooner than 30 s after creation, so clipboard clearing also uses a timer while the worker
 * is alive.
 */
import { browser } from 'wxt/browser';
import type { Timers } from '../vault-service/context/core-deps';
import { clearClipboard } from './clear-clipboard';

export const AUTO_LOCK_ALARM = 'auto-lock';
export const CLIPBOARD_ALARM = 'clipboard-clear';

let clipboardTimer: ReturnType<typeof setTimeout> | undefined;

/** The real timers. */
export const alarmTimers: Timers = {
  async armAutoLock(minutes) {
    if (minutes <= 0) return void (await browser.alarms.clear(AUTO_LOCK_ALARM));
    await browser.alarms.create(AUTO_LOCK_ALARM, { when: Date.now() + minutes * 60_000 });
  },
  async disarmAutoLock() {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
  },
  async scheduleClipboardClear(seconds) {
    clearTimeout(clipboardTimer);
    if (seconds <= 0) return void (await browser.alarms.clear(CLIPBOARD_ALARM));
    await browser.alarms.create(CLIPBOARD_ALARM, { when: Date.now() + Math.max(seconds, 30) * 1000 });
    clipboardTimer = setTimeout(() => {
      void clearClipboard().then(() => browser.alarms.clear(CLIPBOARD_ALARM));
    }, seconds * 1000);
  },
};
