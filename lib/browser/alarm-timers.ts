/**
 * Auto-lock and clipboard clearing with `browser.alarms`, which outlive the service worker. Chrome fires
 * alarms no sooner than 30 s after creation, so clipboard clearing also uses a timer while the worker
 * is alive. The tags of what was copied wait in `storage.session` (memory only, trusted contexts only)
 * for the clearing, so a restarted worker still clears only what is ours.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Timers } from '../vault-service/context/core-deps';
import type { ClipboardTag } from '../vault/model/clipboard-tag';
import { clearClipboard, expectedTagsSchema } from './clear-clipboard';

export const AUTO_LOCK_ALARM = 'auto-lock';
export const CLIPBOARD_ALARM = 'clipboard-clear';

const expectedItem = storage.defineItem<ClipboardTag[]>('session:clipboardExpected', { fallback: [] });

let clipboardTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Clears the clipboard if it still holds the last thing Sealpass copied, then forgets its tags. Called by
 * the clipboard alarm and the in-worker timer; whichever comes second finds no tags and does nothing.
 */
export async function clearCopiedClipboard(): Promise<void> {
  const expected = expectedTagsSchema.safeParse(await expectedItem.getValue());
  await expectedItem.removeValue();
  await browser.alarms.clear(CLIPBOARD_ALARM);
  if (expected.success && expected.data.length > 0) await clearClipboard(expected.data);
}

/** The real timers. */
export const alarmTimers: Timers = {
  async armAutoLock(minutes) {
    if (minutes <= 0) return void (await browser.alarms.clear(AUTO_LOCK_ALARM));
    await browser.alarms.create(AUTO_LOCK_ALARM, { when: Date.now() + minutes * 60_000 });
  },
  async disarmAutoLock() {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
  },
  async scheduleClipboardClear(seconds, expected) {
    clearTimeout(clipboardTimer);
    if (seconds <= 0) {
      await expectedItem.removeValue();
      return void (await browser.alarms.clear(CLIPBOARD_ALARM));
    }
    await expectedItem.setValue([...expected]);
    await browser.alarms.create(CLIPBOARD_ALARM, { when: Date.now() + Math.max(seconds, 30) * 1000 });
    clipboardTimer = setTimeout(() => void clearCopiedClipboard(), seconds * 1000);
  },
};
