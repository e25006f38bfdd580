/**
 * The background's one unlocked vault, if any, with resume after a service-worker restart: the vault key
 * comes back from `storage.session` and the list rows are decrypted again (S3, S4).
 */
import { VaultError } from '../../vault/model/vault-error';
import { closeVault, type UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openVault } from '../../vault/lifecycle/open-vault-lists';
import { readHeader } from '../../vault/lifecycle/unlock-vault';
import type { CoreDeps } from './core-deps';

/** Holds the unlocked vault for the service worker's lifetime. */
export class VaultSession {
  private vault: UnlockedVault | null = null;
  private resuming: Promise<UnlockedVault | null> | null = null;
  private readonly endListeners = new Set<() => void>();
  private readonly startListeners = new Set<(vault: UnlockedVault) => void>();

  constructor(private readonly deps: CoreDeps) {}

  /** Keeps `vault` as the unlocked one and its key in `storage.session`. */
  async start(vault: UnlockedVault): Promise<void> {
    if (this.vault && this.vault !== vault) closeVault(this.vault);
    this.vault = vault;
    await this.deps.keyStore.save(vault.vaultId, vault.vaultKey);
    this.started(vault);
  }

  /**
   * The unlocked vault, resumed from `storage.session` after a restart.
   * @throws VaultError `locked`
   */
  async require(): Promise<UnlockedVault> {
    const vault = this.vault ?? (await this.resume());
    if (!vault) throw new VaultError('locked', 'The vault is locked. Unlock it to continue.');
    return vault;
  }

  /** True when unlocked (possibly after resuming). */
  async isUnlocked(): Promise<boolean> {
    return (this.vault ?? (await this.resume())) !== null;
  }

  /**
   * Calls `listener` whenever a vault becomes the unlocked one: unlock, creation, and resume after a
   * service-worker restart; for background work that follows the vault (Health's strength scoring). It must
   * not throw and must not wait.
   */
  onStart(listener: (vault: UnlockedVault) => void): void {
    this.startListeners.add(listener);
  }

  /**
   * Calls `listener` at every lock, before the key store is cleared: for features that keep plaintext of their
   * own in memory (autofill's generated-password history and editor drafts) and must drop it then (S4).
   */
  onEnd(listener: () => void): void {
    this.endListeners.add(listener);
  }

  /** Forgets every key and plaintext: memory and `storage.session` (S4). */
  async end(): Promise<void> {
    // A resume still running would otherwise set the vault again after this lock.
    if (this.resuming) await this.resuming.catch(() => null);
    if (this.vault) closeVault(this.vault);
    this.vault = null;
    for (const listener of this.endListeners) listener();
    await this.deps.keyStore.clear();
    await this.deps.timers.disarmAutoLock();
    await this.deps.notifyLocked();
  }

  private started(vault: UnlockedVault): void {
    for (const listener of this.startListeners) listener(vault);
  }

  private resume(): Promise<UnlockedVault | null> {
    this.resuming ??= (async () => {
      try {
        const kept = await this.deps.keyStore.load();
        if (!kept) return null;
        const header = await readHeader(this.deps.db);
        if (header.vaultId !== kept.vaultId) {
          await this.deps.keyStore.clear();
          return null;
        }
        const { vault } = await openVault(this.deps.db, header, kept.vaultKey);
        // An unlock that finished meanwhile wins; this copy's keys are wiped.
        if (this.vault) {
          closeVault(vault);
          return this.vault;
        }
        this.vault = vault;
        this.started(vault);
        return vault;
      } finally {
        this.resuming = null;
      }
    })();
    return this.resuming;
  }
}
