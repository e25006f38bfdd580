/** What the vault service needs from the platform; the background passes real ones, tests pass fakes. */
import type { VaultKey } from '../crypto/keys';
import type { VaultDb } from '../db/vault-db';
import type { Settings } from '../protocol/protocol';
import type { ImportProgress } from '../vault/items/import-items';
import type { AutofillPlatform } from '../autofill/background/autofill-platform';
import type { SharingPlatform } from '../sharing/sync/sharing-platform';

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

/** What a toolbar badge count is about; the badge shows the sum over all sources. */
export type BadgeSource = 'rotation' | 'inbox';

/** The toolbar icon's badge (lib/browser/badge). */
export interface Badge {
  /** Sets one source's count (n ≥ 0) and shows the sum; 0 everywhere hides the badge. */
  setBadgeCount(source: BadgeSource, n: number): Promise<void>;
}

/** A persistent set of opaque hex tags (blind-index HMACs), e.g. the origins never to offer saving on. */
export interface TagSetStore {
  has(tag: string): Promise<boolean>;
  add(tag: string): Promise<void>;
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
  /** Tells open extension pages how far a running import got; absent, imports run without reports. */
  notifyImportProgress?: (progress: ImportProgress) => Promise<void>;
  /** Origins the user chose "never offer to save" for, as blind tags (S1). */
  neverSave: TagSetStore;
  /** Filling's browser parts: inline-menu preferences, per-tab memory, tabs (lib/browser/browser-autofill-platform). */
  autofill: AutofillPlatform;
  /** The toolbar badge: logins due for rotation (Health), later the sharing inbox. */
  badge: Badge;
  /**
   * Sharing's browser parts: the relay fetch and the expiry alarm (lib/browser/browser-sharing-platform).
   * Absent where a service is built without sharing (other features' tests): sharing messages then fail.
   */
  sharing?: SharingPlatform;
}

/** Defaults: lock after 15 idle minutes, clear the clipboard after 30 s. */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardSeconds: 30 };
