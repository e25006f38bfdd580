/** Wire schemas for registering an identity bundle (protocol v1); a lookup answers with the bundle itself. */
import { z } from 'zod';

/** `created` is false when the same keys were already registered under the handle (a harmless retry). */
export const registerResponseSchema = z.object({ created: z.boolean() });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;
