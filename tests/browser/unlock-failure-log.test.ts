/** Failed unlocks kept in storage.local until the next unlock (issue 17), over WXT's fake browser. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localUnlockFailureLog } from '../../lib/browser/unlock-failure-log';

describe('localUnlockFailureLog', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the times in order and empties on take', async () => {
    await localUnlockFailureLog.add(10);
    await localUnlockFailureLog.add(20);
    expect(await localUnlockFailureLog.take()).toEqual({ times: [10, 20], dropped: 0 });
    expect(await localUnlockFailureLog.take()).toEqual({ times: [], dropped: 0 });
  });

  it('keeps 100 times, then only counts', async () => {
    for (let i = 0; i < 103; i++) await localUnlockFailureLog.add(1_000 + i);
    const { times, dropped } = await localUnlockFailureLog.take();
    expect(times).toHaveLength(100);
    expect(times[0]).toBe(1_000);
    expect(dropped).toBe(3);
  });

  it('reads anything malformed as empty', async () => {
    await fakeBrowser.storage.local.set({ unlockFailures: { times: ['soon'], dropped: -1 } });
    expect(await localUnlockFailureLog.take()).toEqual({ times: [], dropped: 0 });
  });
});
