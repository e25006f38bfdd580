/** Non-secret preferences in `storage.local` through WXT's versioned storage item. */
import { storage } from 'wxt/utils/storage';
import { settingsSchema, type Settings } from '../vault/model/settings';
import type { SettingsStore } from '../vault-service/context/core-deps';
import { DEFAULT_SETTINGS } from '../vault/model/settings';

const item = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The real settings store; anything stored that fails validation reads as the defaults. */
export const localSettingsStore: SettingsStore = {
  async get() {
    const parsed = settingsSchema.safeParse(await item.getValue());
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  },
  async set(settings) {
    await item.setValue(settingsSchema.parse(settings));
  },
};
