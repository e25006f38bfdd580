/** Wire schemas for revoking a share (protocol v1): POST /v1/shares/revoke. */
import { z } from 'zod';
import { shareIdSchema } from './envelope-schemas';
import { handleSchema } from './identity-bundle';
import { MAX_BATCH } from './relay-limits';

/** Without `recipients`, drops every undelivered envelope of the share; with it, only those to them. */
export const revokeRequestSchema = z.object({ shareId: shareIdSchema, recipients: z.array(handleSchema).min(1).max(MAX_BATCH).optional() }).strict();
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

/** How many undelivered envelopes were dropped; 0 when all were delivered or the share is unknown. */
export const revokeResponseSchema = z.object({ dropped: z.number().int().nonnegative() });
export type RevokeResponse = z.infer<typeof revokeResponseSchema>;
