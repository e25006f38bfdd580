/**
 * Messages of password health and rotation reminders. The analysis runs in the background over the stored
 * health of each login (no item opened) and answers with findings by item (lib/health/health-report-schema), never a password.
 */
import { z } from 'zod';
import { message, pages, type SenderKind } from '../messaging/define-message';
import { MAX_SHORT } from '../vault/model/item-limits';
import { healthReportSchema, scoringProgressSchema } from './health-report-schema';

/** Largest breach list accepted, in UTF-16 code units: about 700,000 HIBP lines, below Chrome's 64 MiB message limit. */
export const MAX_BREACH_LIST_CHARS = 32 * 1024 * 1024;
/** Sent by no one: the background calls the handler from its own alarm. */
const internal: SenderKind[] = [];
/** Longest snooze offered, in days. */
export const MAX_SNOOZE_DAYS = 365;

/** The health feature's messages, spread into the protocol map. */
export const healthMessages = {
  /** Analyses the vault; `breachList` is the text of a file of SHA-1 hashes or prefixes the user loaded. */
  healthReport: message(
    z.object({ breachList: z.string().max(MAX_BREACH_LIST_CHARS).optional() }).strict(),
    z.object({ report: healthReportSchema }),
    pages,
  ),
  /**
   * Saves a new password into login `id` (Health's "New password" → "Save to item"): the old one goes to
   * the item's history and the rotation clock restarts, as with an edit.
   */
  healthSetPassword: message(
    z.object({ id: z.string().min(1).max(64), password: z.string().min(1).max(MAX_SHORT) }).strict(),
    z.object({}),
    pages,
  ),
  /**
   * How far background strength scoring is (issue 15), for the Health view's "scoring 4,210 of 10,000"; null
   * when nothing waits or while locked. Does not count as activity for auto-lock.
   */
  healthProgress: message(z.object({}).strict(), z.object({ scoring: scoringProgressSchema.nullable() }), pages),
  /** Snoozes one login's rotation reminder for `days` days from now; 0 ends a snooze. */
  healthSnooze: message(
    z.object({ id: z.string().min(1).max(64), days: z.number().int().min(0).max(MAX_SNOOZE_DAYS) }).strict(),
    z.object({}),
    pages,
  ),
  /**
   * Counts the logins due for rotation and puts the count on the toolbar badge; `null` while locked (the
   * badge keeps its last count). No sender may send it: the background's daily alarm calls the handler
   * itself, and since that is not activity, auto-lock is not re-armed.
   */
  healthRotationCheck: message(z.object({}).strict(), z.object({ count: z.number().int().nonnegative().nullable() }), internal),
} as const;

export type HealthMessageType = keyof typeof healthMessages;
