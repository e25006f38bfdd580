/** A row of the Trash view: what a deleted item was and when it goes for good. No password, no notes. */
import { z } from 'zod';

export const deletedItemSchema = z.object({
  id: z.string(),
  type: z.enum(['login', 'note']),
  title: z.string(),
  username: z.string(),
  /** ms since epoch. */
  deletedAt: z.number().int().nonnegative(),
  /** When it is removed for good (30 days after `deletedAt`), ms since epoch. */
  purgeAt: z.number().int().nonnegative(),
});

export type DeletedItem = z.infer<typeof deletedItemSchema>;
