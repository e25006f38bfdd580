/** The user's non-secret preferences (readable while locked) and their defaults: the one definition. */
import { z } from 'zod';
import { MAX_ROTATION_DAYS } from './item-limits';

export const settingsSchema = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 = never. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  /** Seconds before a copied secret is cleared from the clipboard; 0 = never. */
  clipboardSeconds: z.number().int().min(0).max(600),
  /** Days after which a login's password is due for rotation, unless the login sets its own; absent = 90. */
  rotationDays: z.number().int().min(1).max(MAX_ROTATION_DAYS).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Defaults: lock after 15 idle minutes, clear the clipboard after 30 s, rotation after 90 days (health). */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardSeconds: 30 };
