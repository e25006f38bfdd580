/**
 * In-memory stand-ins for the platform parts of the vault service (storage.session, storage.local, alarms),
 * recording what the service asked of them, and a harness that sends requests through dispatchMessage.
 */
import type { PasswordScorer } from '../../lib/health/scoring/password-scorer';
import { asKey, type VaultKey } from '../../lib/crypto/keys';
import type { VaultDb } from '../../lib/db/vault-db';
import { dispatchMessage } from '../../lib/protocol/dispatch-message';
import type { Handlers } from '../../lib/protocol/protocol';
import type { MessageType, RequestOf, Result } from '../../lib/protocol/protocol';
import type { ClipboardTag } from '../../lib/vault/model/clipboard-tag';
import type { VaultChange } from '../../lib/messaging/vault-change-event';
import type { Settings } from '../../lib/vault/model/settings';
import { createHandlers } from '../../lib/vault-service/create-handlers';
import { type ServiceDeps } from '../../lib/vault-service/service-deps';
import type { Badge, BadgeSource, KeyStore, SettingsStore, Timers, UnlockFailureLog } from '../../lib/vault-service/context/core-deps';
import type { TagSetStore } from '../../lib/autofill/background/autofill-platform';
import { DEFAULT_SETTINGS } from '../../lib/vault/model/settings';
import type { SharingPlatform } from '../../lib/sharing/sync/sharing-platform';
import type { VaultSession } from '../../lib/vault-service/context/vault-session';
import type { UnlockedVault } from '../../lib/vault/keys/unlocked-vault';
import { T0 } from '../vault/fixtures';
import { MemoryAutofillPlatform } from './memory-autofill-platform';

/** Like storage.session: keeps a copy (the real one serialises to base64), survives a "service-worker restart". */
export class MemoryKeyStore implements KeyStore {
  kept: { vaultId: string; vaultKey: Uint8Array } | null = null;
  /** Every key buffer the service handed in or got back, to check they are wiped on lock (S4). */
  readonly seen: Uint8Array[] = [];
  loads = 0;

  /** A store that already holds `vault`'s key, as after an unlock in an earlier service-worker life. */
  static holding(vault: Pick<UnlockedVault, 'vaultId' | 'vaultKey'>): MemoryKeyStore {
    const store = new MemoryKeyStore();
    store.kept = { vaultId: vault.vaultId, vaultKey: new Uint8Array(vault.vaultKey) };
    return store;
  }

  async save(vaultId: string, vaultKey: VaultKey): Promise<void> {
    this.seen.push(vaultKey);
    this.kept = { vaultId, vaultKey: new Uint8Array(vaultKey) };
  }

  async load(): Promise<{ vaultId: string; vaultKey: VaultKey } | null> {
    this.loads++;
    if (!this.kept) return null;
    const vaultKey = asKey<VaultKey>(new Uint8Array(this.kept.vaultKey));
    this.seen.push(vaultKey);
    return { vaultId: this.kept.vaultId, vaultKey };
  }

  async clear(): Promise<void> {
    this.kept = null;
  }
}

/** Like storage.local settings. */
export class MemorySettings implements SettingsStore {
  constructor(public value: Settings = DEFAULT_SETTINGS) {}
  async get(): Promise<Settings> {
    return { ...this.value };
  }
  async set(settings: Settings): Promise<void> {
    this.value = { ...settings };
  }
}

export type TimerCall = { arm: number } | { disarm: true } | { clipboard: number };

/** Records every alarm request instead of scheduling anything. */
export class RecordingTimers implements Timers {
  readonly calls: TimerCall[] = [];
  async armAutoLock(minutes: number): Promise<void> {
    this.calls.push({ arm: minutes });
  }
  async disarmAutoLock(): Promise<void> {
    this.calls.push({ disarm: true });
  }
  /** The tags each clipboard clearing was scheduled with, in order (kept apart so `calls` stays comparable). */
  readonly clipboardTags: (readonly ClipboardTag[])[] = [];
  async scheduleClipboardClear(seconds: number, expected: readonly ClipboardTag[]): Promise<void> {
    this.calls.push({ clipboard: seconds });
    this.clipboardTags.push(expected);
  }
}

/** Like the storage.local never-save list: a set of tags, kept across "service-worker restarts" when passed on. */
/** Like the storage.local log of failed unlocks (lib/browser/unlock-failure-log), without its limit. */
export class MemoryUnlockFailureLog implements UnlockFailureLog {
  times: number[] = [];
  async add(at: number): Promise<void> {
    this.times.push(at);
  }
  async take(): Promise<{ times: number[]; dropped: number }> {
    const times = this.times;
    this.times = [];
    return { times, dropped: 0 };
  }
}

/** Like the toolbar badge: the last count each source set. */
export class RecordingBadge implements Badge {
  readonly counts = new Map<BadgeSource, number>();
  async setBadgeCount(source: BadgeSource, n: number): Promise<void> {
    this.counts.set(source, n);
  }
}

export class MemoryTagSet implements TagSetStore {
  readonly tags = new Set<string>();
  async has(tag: string): Promise<boolean> {
    return this.tags.has(tag);
  }
  async add(tag: string): Promise<void> {
    this.tags.add(tag);
  }
}

/** One service instance (= one service-worker life) and a typed way to message it. */
export interface Service {
  deps: ServiceDeps & { keyStore: MemoryKeyStore; settings: MemorySettings; timers: RecordingTimers; neverSave: MemoryTagSet; autofill: MemoryAutofillPlatform; badge: RecordingBadge; unlockFailures: MemoryUnlockFailureLog };
  session: VaultSession;
  /** The handlers themselves, for what the background calls without a message (alarms). */
  handlers: Handlers;
  clock: { now: number };
  /** How often the service told open pages that the vault locked. */
  lockNotices: { count: number };
  /** Every "vault changed" event the service sent to open pages, in order (issue 17 item 9). */
  changes: VaultChange[];
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Result<T>>;
  /** Like `send`, from another sender: a content script's tab, frame and URL as the browser reports them. */
  sendFrom<T extends MessageType>(sender: MessageSender, type: T, payload: RequestOf<T>): Promise<Result<T>>;
}

/** What `dispatchMessage` learns about a sender from the browser. */
export type MessageSender = Parameters<typeof dispatchMessage>[2];

/** Builds a service over `db`; pass another service's parts to model a restart that keeps them. */
export function startService(
  db: VaultDb,
  parts: { keyStore?: MemoryKeyStore; settings?: MemorySettings; timers?: RecordingTimers; clock?: { now: number }; neverSave?: MemoryTagSet; autofill?: MemoryAutofillPlatform; badge?: RecordingBadge; sharing?: SharingPlatform; unlockFailures?: MemoryUnlockFailureLog; healthScorer?: PasswordScorer } = {},
): Service {
  const clock = parts.clock ?? { now: T0 };
  const lockNotices = { count: 0 };
  const changes: VaultChange[] = [];
  const deps = {
    db,
    keyStore: parts.keyStore ?? new MemoryKeyStore(),
    settings: parts.settings ?? new MemorySettings(),
    timers: parts.timers ?? new RecordingTimers(),
    now: () => clock.now,
    notifyLocked: async () => {
      lockNotices.count++;
    },
    notifyVaultChange: async (change: VaultChange) => {
      changes.push(change);
    },
    neverSave: parts.neverSave ?? new MemoryTagSet(),
    autofill: parts.autofill ?? new MemoryAutofillPlatform(),
    badge: parts.badge ?? new RecordingBadge(),
    unlockFailures: parts.unlockFailures ?? new MemoryUnlockFailureLog(),
    ...(parts.sharing ? { sharing: parts.sharing } : {}),
    ...(parts.healthScorer ? { healthScorer: parts.healthScorer } : {}),
  };
  const { handlers, session } = createHandlers(deps);
  return {
    deps,
    session,
    handlers,
    clock,
    lockNotices,
    changes,
    send: <T extends MessageType>(type: T, payload: RequestOf<T>) =>
      dispatchMessage(handlers, { type, payload }, { kind: 'extension-page' }) as Promise<Result<T>>,
    sendFrom: <T extends MessageType>(sender: MessageSender, type: T, payload: RequestOf<T>) =>
      dispatchMessage(handlers, { type, payload }, sender) as Promise<Result<T>>,
  };
}

/** Unwraps an ok result or fails the test with the error. */
export function ok<T extends MessageType>(result: Result<T>): Extract<Result<T>, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result as Extract<Result<T>, { ok: true }>;
}
