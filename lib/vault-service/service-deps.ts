/** What the vault service needs from the platform; the background passes real ones, tests pass fakes. */
import type { VaultKey } from '../crypto/keys';
import type { VaultDb } from '../db/vault-db';
import type { Settings } from '../messaging/protocol';

/** Keeps the vault key across service-worker restarts, never on disk (`storage.session`, S3). */
export interface KeyStore {
  save(vaultId: string, vaultKey: VaultKey): Promise<void>;
  load(): Promise<{ vaultId: string; vaultKey: VaultKey } | null>;
  clear(): Promise<void>;
}

/** Non-secret preferences, readable while locked. */
export interface SettingsStore {
  get(): Promise<Settings>;
  set(settings: Settings): Promise<void>;
}

/** Timers that must outlive the service worker (alarms). */
export interface Timers {
  /** (Re)arms auto-lock `minutes` from now; 0 disarms it. */
  armAutoLock(minutes: number): Promise<void>;
  disarmAutoLock(): Promise<void>;
  /** Clears the clipboard `seconds` from now; 0 = never. */
  scheduleClipboardClear(seconds: number): Promise<void>;
}

export interface ServiceDeps {
  db: VaultDb;
  keyStore: KeyStore;
  settings: SettingsStore;
  timers: Timers;
  /** Milliseconds since epoch. */
  now: () => number;
  /** Tells open extension pages that the vault locked, so they drop what they show. */
  notifyLocked: () => Promise<void>;
}

/** Defaults: lock after 15 idle minutes, clear the clipboard after 30 s. */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardSeconds: 30 };
