/**
 * The short history of generated passwords the user filled into a page, so that a sign-up that fails (the page
 * reloads empty, the password was never saved) does not lose the one the site may already have taken. Kept in
 * background memory, per origin; while the vault is unlocked also sealed under the vault key in
 * `storage.session`, so that a service-worker restart between the fill and the retry keeps it. Locking drops
 * both (S4). Only the origin a password was filled on gets it back, and only after a click in the menu (S3).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import { randomBytes } from '../../crypto/random-bytes';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { MAX_SHORT } from '../../vault/model/item-limits';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import { MAX_GENERATED_HISTORY, type GeneratedEntry } from '../autofill-save-messages';
import type { SealedSlot } from './autofill-platform';

/** How long an entry is kept at most, in ms, even while the vault stays unlocked. */
export const GENERATED_HISTORY_TTL_MS = 24 * 60 * 60 * 1000;

const entrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  origin: z.string().min(1).max(2_048),
  password: z.string().min(1).max(MAX_SHORT),
  at: z.number().int().nonnegative(),
});
type Entry = z.infer<typeof entrySchema>;
const entriesSchema = z.array(entrySchema).max(MAX_GENERATED_HISTORY);

const context = (vaultId: string): CipherContext => ({ purpose: 'settings', recordId: vaultId, fields: 'autofill-generated-history' });

/** One background's history. JavaScript strings cannot be wiped: dropping them is best effort. */
export class GeneratedHistory {
  private entries: Entry[] = [];
  /** Whether the sealed copy was read since the last lock. */
  private loaded = false;

  /** @param slot - where the sealed copy lives (`storage.session`, which a lock also empties) */
  constructor(private readonly slot: SealedSlot) {}

  /**
   * The entries for `origin`, newest first, without their passwords.
   * @param vault - the unlocked vault, or null while locked (then only what memory holds)
   * @param now - ms since epoch
   */
  async list(vault: UnlockedVault | null, origin: string, now: number): Promise<GeneratedEntry[]> {
    await this.load(vault, now);
    return this.entries.filter((e) => e.origin === origin).map(({ id, at }) => ({ id, at }));
  }

  /**
   * Keeps a password filled on `origin`, newest first; the oldest beyond {@link MAX_GENERATED_HISTORY} go.
   * The same password again moves to the front rather than being listed twice.
   */
  async add(vault: UnlockedVault | null, origin: string, password: string, now: number): Promise<void> {
    await this.load(vault, now);
    const entry: Entry = { id: bytesToHex(randomBytes(16)), origin, password, at: now };
    this.entries = [entry, ...this.entries.filter((e) => !(e.origin === origin && e.password === password))].slice(0, MAX_GENERATED_HISTORY);
    await this.save(vault);
  }

  /** The password of entry `id` if it was filled on `origin`, else null. */
  async password(vault: UnlockedVault | null, origin: string, id: string, now: number): Promise<string | null> {
    await this.load(vault, now);
    return this.entries.find((e) => e.id === id && e.origin === origin)?.password ?? null;
  }

  /** Forgets everything (the vault locked); the sealed copy goes with `storage.session`, and is cleared here too. */
  clear(): void {
    this.entries = [];
    this.loaded = false;
    void this.slot.set(null).catch(() => undefined);
  }

  /** Merges the sealed copy in once per unlock (memory wins: it may hold what was filled while locked), drops old entries. */
  private async load(vault: UnlockedVault | null, now: number): Promise<void> {
    const fresh = (e: Entry) => now >= e.at && now - e.at < GENERATED_HISTORY_TTL_MS;
    if (vault !== null && !this.loaded) {
      this.loaded = true;
      const kept = await this.open(vault);
      const ids = new Set(this.entries.map((e) => e.id));
      this.entries = [...this.entries, ...kept.filter((e) => !ids.has(e.id))].sort((a, b) => b.at - a.at).slice(0, MAX_GENERATED_HISTORY);
      if (this.entries.length > kept.length) await this.save(vault);
    }
    this.entries = this.entries.filter(fresh);
  }

  /** The sealed copy; one that does not open (another vault's, tampered) reads as empty (S8: nothing else depends on it). */
  private async open(vault: UnlockedVault): Promise<Entry[]> {
    const sealed = await this.slot.get();
    if (sealed === null) return [];
    try {
      return openJson(vault.vaultKey, sealed, context(vault.vaultId), entriesSchema);
    } catch {
      return [];
    }
  }

  private async save(vault: UnlockedVault | null): Promise<void> {
    if (vault === null) return;
    await this.slot.set(this.entries.length === 0 ? null : sealJson(vault.vaultKey, this.entries, context(vault.vaultId)));
  }
}
