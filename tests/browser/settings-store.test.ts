/** Settings in storage.local: defaults, round trip, and invalid stored values read as defaults. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localSettingsStore } from '../../lib/browser/settings-store';
import { DEFAULT_SETTINGS } from '../../lib/vault/model/settings';

describe('localSettingsStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with 15 minutes auto-lock and 30 s clipboard clearing', async () => {
    expect(await localSettingsStore.get()).toEqual({ autoLockMinutes: 15, clipboardSeconds: 30 });
    expect(DEFAULT_SETTINGS).toEqual({ autoLockMinutes: 15, clipboardSeconds: 30 });
  });

  it('stores and reads back valid settings', async () => {
    await localSettingsStore.set({ autoLockMinutes: 5, clipboardSeconds: 10 });
    expect(await localSettingsStore.get()).toEqual({ autoLockMinutes: 5, clipboardSeconds: 10 });
  });

  it('refuses invalid settings and keeps the old ones', async () => {
    await localSettingsStore.set({ autoLockMinutes: 5, clipboardSeconds: 10 });
    await expect(localSettingsStore.set({ autoLockMinutes: -1, clipboardSeconds: 10 })).rejects.toThrow();
    expect(await localSettingsStore.get()).toEqual({ autoLockMinutes: 5, clipboardSeconds: 10 });
  });

  it('reads a tampered stored value as the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: 'never' } });
    expect(await localSettingsStore.get()).toEqual(DEFAULT_SETTINGS);
  });
});
