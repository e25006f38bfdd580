/**
 * "Edit…" in the save bar: the values the vault page's editor opens with wait here under a one-time token, so
 * that the page's address carries only the token, never the password (addresses end up in history, session
 * restore and sync). Background memory only, short-lived, dropped at lock (S4).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import type { Item, LoginInput } from '../../vault/model/item-schema';

/** How long a draft waits for its page, in ms: the page opens at once; this covers a slow start. */
export const SAVE_DRAFT_TTL_MS = 2 * 60_000;

/** What the editor opens: a new login, or a saved one with the new username and password at a revision. */
export type SaveDraft = { kind: 'create'; item: LoginInput } | { kind: 'update'; item: Item };

/** The drafts waiting for their vault page. */
export class SaveDrafts {
  private readonly drafts = new Map<string, { draft: SaveDraft; createdAt: number }>();

  /**
   * @param now - ms since epoch
   * @returns the token: 16 random bytes as hex
   */
  put(draft: SaveDraft, now: number): string {
    for (const [token, kept] of this.drafts) if (!fresh(kept.createdAt, now)) this.drafts.delete(token);
    const token = bytesToHex(randomBytes(16));
    this.drafts.set(token, { draft, createdAt: now });
    return token;
  }

  /** The draft for `token`, once: taking it (or trying to, late) removes it. */
  take(token: string, now: number): SaveDraft | null {
    const kept = this.drafts.get(token);
    this.drafts.delete(token);
    return kept && fresh(kept.createdAt, now) ? kept.draft : null;
  }

  /** Forgets every draft (the vault locked). */
  clear(): void {
    this.drafts.clear();
  }
}

function fresh(createdAt: number, now: number): boolean {
  return now >= createdAt && now - createdAt < SAVE_DRAFT_TTL_MS;
}
