/** Wire schema of GET /v1/health (protocol v1). */
import { z } from 'zod';

/** `time` is the relay's clock (ms since the epoch), so a client can see how far its own is off. */
export const healthResponseSchema = z.object({ status: z.literal('ok'), protocol: z.literal(1), time: z.number().int().nonnegative() });
export type HealthResponse = z.infer<typeof healthResponseSchema>;
