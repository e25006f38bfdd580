/**
 * What the background and the offscreen document's scorer say to each other over their port (point to point:
 * passwords never go through runtime.sendMessage, which every extension page hears). Validated on both ends.
 */
import { z } from 'zod';
import { MAX_SCORE_BATCH } from './password-scorer';

/** The port's name; the background accepts it only from the offscreen page. */
export const SCORER_PORT = 'sealpass-scorer';

/** Background → offscreen page (runtime message, no password in it): connect a new scorer port if yours is gone. */
export const SCORER_CONNECT_MESSAGE = { target: 'offscreen', type: 'scorer-connect' } as const;

/** Longest password scored, in UTF-16 code units: longer ones are cut by the estimator anyway (256 code points). */
const MAX_SCORED_PASSWORD = 4096;

/** Background → offscreen: score these passwords, in order. */
export const scoreRequestSchema = z
  .object({ id: z.number().int().nonnegative(), passwords: z.array(z.string().max(MAX_SCORED_PASSWORD)).min(1).max(MAX_SCORE_BATCH) })
  .strict();

/** Offscreen → background: one score per password, or a failure (the background then scores in place). */
export const scoreReplySchema = z.union([
  z.object({ id: z.number().int().nonnegative(), scores: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)])) }).strict(),
  z.object({ id: z.number().int().nonnegative(), failed: z.literal(true) }).strict(),
]);

export type ScoreReply = z.infer<typeof scoreReplySchema>;
