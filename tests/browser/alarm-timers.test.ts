/** Auto-lock and clipboard alarms over WXT's fake browser: due times, disarming, "never" (0). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alarmTimers, AUTO_LOCK_ALARM, CLIPBOARD_ALARM } from '../../lib/browser/alarm-timers';

const NOW = 1_700_000_000_000;
/** A copy's tag, waiting in storage.session for the clearing. */
const TAG = { salt: '0f'.repeat(16), tag: 'a1b2c3d4' };

describe('alarmTimers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    return () => vi.useRealTimers();
  });

  it('arms auto-lock `minutes` from now and re-arming moves it', async () => {
    await alarmTimers.armAutoLock(15);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(NOW + 15 * 60_000);
    vi.setSystemTime(NOW + 60_000);
    await alarmTimers.armAutoLock(5);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(NOW + 60_000 + 5 * 60_000);
  });

  it('0 minutes ("never") and disarm remove the alarm', async () => {
    await alarmTimers.armAutoLock(15);
    await alarmTimers.armAutoLock(0);
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    await alarmTimers.armAutoLock(15);
    await alarmTimers.disarmAutoLock();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });

  it("clipboard clearing: a backup alarm no sooner than Chrome's 30 s minimum; 0 = never", async () => {
    await alarmTimers.scheduleClipboardClear(10, [TAG]);
    expect((await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(NOW + 30_000);
    await alarmTimers.scheduleClipboardClear(120, [TAG]);
    expect((await fakeBrowser.alarms.get(CLIPBOARD_ALARM))?.scheduledTime).toBe(NOW + 120_000);
    expect(await fakeBrowser.storage.session.get('clipboardExpected')).toEqual({ clipboardExpected: [TAG] });
    await alarmTimers.scheduleClipboardClear(0, [TAG]);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('clipboardExpected')).toEqual({});
  });
});
