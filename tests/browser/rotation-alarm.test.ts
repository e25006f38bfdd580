/** armRotationCheck over WXT's fake browser: a daily repeating alarm, created once and not moved by a restart. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { armRotationCheck, ROTATION_CHECK_ALARM } from '../../lib/browser/rotation-alarm';

const NOW = 1_700_000_000_000;

describe('armRotationCheck', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    return () => vi.useRealTimers();
  });

  it('creates a daily alarm whose first run is a minute away', async () => {
    await armRotationCheck();
    expect(await fakeBrowser.alarms.get(ROTATION_CHECK_ALARM)).toMatchObject({ periodInMinutes: 24 * 60, scheduledTime: NOW + 60_000 });
  });

  it('a second call (a service-worker restart) keeps the existing schedule', async () => {
    await armRotationCheck();
    vi.setSystemTime(NOW + 3_600_000);
    await armRotationCheck();
    expect((await fakeBrowser.alarms.get(ROTATION_CHECK_ALARM))?.scheduledTime).toBe(NOW + 60_000);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });
});
