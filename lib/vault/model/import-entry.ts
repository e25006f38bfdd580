/**
 * What an import writes: one item's content as typed (lib/vault/item-schema), plus the fields the vault
 * normally keeps for itself (times, password history, rotation state) when the source has them, so a Sealpass export,
 * a Bitwarden JSON or a Firefox CSV comes back without losing them.
 */
import { z } from 'zod';
import { loginInputSchema, loginKeptFields, loginSchema, noteInputSchema } from './item-schema';

/** Most entries one import may carry; a 50,000-row file is far beyond any real export. */
export const MAX_IMPORT_ENTRIES = 50_000;

const time = z.number().int().nonnegative();
const keptTimes = { createdAt: time.optional(), updatedAt: time.optional() };

/** A login or secure note to import; `createdAt`/`updatedAt` (ms since epoch) default to the import time. */
export const importContentSchema = z.discriminatedUnion('type', [
  loginInputSchema.extend({
    ...keptTimes,
    /** When the password was set and how long rotation reminders are snoozed (lib/vault/item-schema). */
    ...loginKeptFields,
    /** Earlier passwords, newest first, with the stored login's own limit (the schema without its default). */
    passwordHistory: loginSchema.shape.passwordHistory.unwrap().optional(),
  }),
  noteInputSchema.extend(keptTimes),
]);

/**
 * One item of an import. `replaces`: the id of an existing login this entry updates (the user chose
 * "replace" for a duplicate); omitted, the entry becomes a new item.
 */
export const importEntrySchema = z.object({
  content: importContentSchema,
  replaces: z.string().min(1).max(64).optional(),
}).strict();

export type ImportContent = z.output<typeof importContentSchema>;
export type ImportEntry = z.input<typeof importEntrySchema>;

/** Where a running import is: `done` of `total` entries encrypted, then the one write. */
export type ImportProgress = { phase: 'sealing'; done: number; total: number } | { phase: 'saving'; total: number };
