/**
 * The save offers waiting in each tab, in the background's memory only: never `storage.local`, and not
 * `storage.session` either, because locking clears that area (S4) while a pending save must outlive a
 * lock until the user unlocks or it expires. A service-worker restart forgets them: the worst case is a
 * missed offer, never a leak. JavaScript strings cannot be wiped; dropping the record is best effort.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../../crypto/random-bytes';
import type { Submission } from '../autofill-save-messages';

/** How long a submit stays on offer, in milliseconds. */
export const PENDING_SAVE_TTL_MS = 2 * 60_000;
/** Page loads in the tab that may still show it: the one the submit led to; the next one drops it. */
export const PENDING_SAVE_MAX_LOADS = 1;

/** One submitted form waiting for the user's choice. */
export interface PendingSave {
  /** Offer id, 16 random bytes as hex; a capability only the frames shown the offer hold. */
  id: string;
  tabId: number;
  /** The submitting frame's origin, from the browser's sender information. */
  origin: string;
  /** The submitting frame's URL without query or fragment (they may carry tokens). */
  url: string;
  submission: Submission;
  /** The submitting document's title (page-controlled text), for the suggested name; `''` when none. */
  pageTitle: string;
  /** When the form was submitted, ms since epoch. */
  createdAt: number;
  /** Page loads in the tab that asked for it since the submit. */
  loads: number;
}

/** The pending saves of every tab, one per tab (a newer submit replaces an older one). */
export class PendingSaves {
  private readonly byTab = new Map<number, PendingSave>();

  /**
   * Keeps a submit as the tab's pending save, replacing any older one, and drops every expired one.
   * @param now - ms since epoch
   * @param pageTitle - the submitting document's title, at most 1,024 characters
   */
  put(tabId: number, origin: string, url: string, submission: Submission, now: number, pageTitle = ''): PendingSave {
    for (const [tab, pending] of this.byTab) if (this.expired(pending, now)) this.byTab.delete(tab);
    const pending: PendingSave = { id: bytesToHex(randomBytes(16)), tabId, origin, url, submission, pageTitle, createdAt: now, loads: 0 };
    this.byTab.set(tabId, pending);
    return pending;
  }

  /**
   * A page finished loading in the tab: counts the load and returns the pending save if it may still be
   * shown (younger than {@link PENDING_SAVE_TTL_MS}, at most {@link PENDING_SAVE_MAX_LOADS} loads), else drops it.
   */
  pageLoaded(tabId: number, now: number): PendingSave | null {
    const pending = this.current(tabId, now);
    if (!pending) return null;
    pending.loads++;
    if (pending.loads > PENDING_SAVE_MAX_LOADS) {
      this.byTab.delete(tabId);
      return null;
    }
    return pending;
  }

  /** The tab's pending save if it is still due and has the offer id `id`; does not count as a load. */
  get(tabId: number, id: string, now: number): PendingSave | null {
    const pending = this.current(tabId, now);
    return pending?.id === id ? pending : null;
  }

  /** Drops the tab's pending save if it is the one with offer id `id`. */
  delete(tabId: number, id: string): void {
    if (this.byTab.get(tabId)?.id === id) this.byTab.delete(tabId);
  }

  private current(tabId: number, now: number): PendingSave | null {
    const pending = this.byTab.get(tabId);
    if (!pending) return null;
    if (this.expired(pending, now)) {
      this.byTab.delete(tabId);
      return null;
    }
    return pending;
  }

  private expired(pending: PendingSave, now: number): boolean {
    return now - pending.createdAt >= PENDING_SAVE_TTL_MS || now < pending.createdAt;
  }
}
