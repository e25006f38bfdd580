/** One item's overview, as an overview bucket holds it (lib/vault/records/overview-bucket): its list row, and the revision and deleted state its record must have. */
import type { ItemSummary } from './item-schema';

/** A list row of an item that opened. */
export type OkSummary = Extract<ItemSummary, { state: 'ok' }>;

/** A zxcvbn-ts strength score (lib/strength): 0 (guessable in < 10^3 guesses) … 4 (≥ 10^10 guesses). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/**
 * What password health needs of a login, kept in its sealed overview row (issue 15) so a report opens no item:
 * derived from the password, so it is sealed like the password and never leaves the background.
 */
export interface LoginHealth {
  /** The password's strength score, or null until the background has scored it (an import, an edit). */
  score: StrengthScore | null;
  /** SHA-1 of the password, 40 upper-case hex (lib/vault/records/password-sha1): reuse and breach lists compare by it. */
  sha1: string;
  /** When the current password was set, ms since epoch (lib/vault/model/password-set-at). */
  passwordSetAt: number;
  /** The login's own rotation period in days; 0 = the global default. */
  rotationDays: number;
  /** Rotation reminders snoozed until then, ms since epoch; 0 = not snoozed. */
  snoozedUntil: number;
}

export interface OverviewRow {
  rev: number;
  deleted: boolean;
  summary: OkSummary;
  /**
   * Health of a login with a password; null for a note or a login without one; undefined when unknown (a row
   * sealed by a build before health rows: the background opens the item and fills it in).
   */
  health?: LoginHealth | null;
}
