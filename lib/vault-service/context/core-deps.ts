/**
 * What the vault and every feature's handlers need from the platform: the database, the session's key
 * store, settings, timers, the clock and the badge. The background passes real ones (lib/browser), tests
 * pass fakes. A feature that needs more declares its own deps next to its handlers.
 */
import type { VaultKey } from '../../crypto/keys';
import type { VaultDb } from '../../db/vault-db';
import type { VaultChange } from '../../messaging/vault-change-event';
import type { ClipboardTag } from '../../vault/model/clipboard-tag';
import type { Settings } from '../../vault/model/settings';

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
  /**
   * Clears the clipboard `seconds` from now (0 = never), but only if it then still holds what one of
   * `expected` tags (what Sealpass copied); the newest call replaces the previous one.
   */
  scheduleClipboardClear(seconds: number, expected: readonly ClipboardTag[]): Promise<void>;
}

/** What a toolbar badge count is about; the badge shows the sum over all sources. */
export type BadgeSource = 'rotation' | 'inbox';

/** The toolbar icon's badge (lib/browser/badge). */
export interface Badge {
  /** Sets one source's count (n ≥ 0) and shows the sum; 0 everywhere hides the badge. */
  setBadgeCount(source: BadgeSource, n: number): Promise<void>;
}

/**
 * Failed unlock attempts, kept while the vault is locked (times only: nothing secret) so the next unlock
 * writes them into the audit log at their own times (issue 17). In `storage.local`, so a restart keeps them.
 */
export interface UnlockFailureLog {
  /** Notes one failure at `at` (ms since epoch); beyond the log's limit only a count is kept. */
  add(at: number): Promise<void>;
  /** Every failure kept, oldest first, and how many more were only counted; the log is then empty. */
  take(): Promise<{ times: number[]; dropped: number }>;
}

/** What the handler context gives every feature. */
export interface CoreDeps {
  db: VaultDb;
  keyStore: KeyStore;
  settings: SettingsStore;
  timers: Timers;
  /** Milliseconds since epoch. */
  now: () => number;
  /** Tells open extension pages that the vault locked, so they drop what they show. */
  notifyLocked: () => Promise<void>;
  /** Tells open extension pages that the vault was created or unlocked, or its items changed (absent in most tests). */
  notifyVaultChange?: (change: VaultChange) => Promise<void>;
  /** The toolbar badge: logins due for rotation (Health) and the sharing inbox. */
  badge: Badge;
  /** Failed unlocks waiting for the audit log (absent in most tests: nothing is recorded then). */
  unlockFailures?: UnlockFailureLog;
}
