/**
 * Vault item shapes: what the user types, validated with zod wherever it crosses a boundary (messages,
 * decrypted records, imports). Every field here lives inside ciphertext (S1, T07).
 */
import { z } from 'zod';
import { MAX_FIELDS, MAX_FOLDER, MAX_PASSWORD_HISTORY, MAX_ROTATION_DAYS, MAX_SHORT, MAX_TAG, MAX_TAGS, MAX_TEXT, MAX_URLS } from './item-limits';
import { permissionSchema } from './share-permission';

const short = z.string().max(MAX_SHORT);

/** A user-defined extra field; hidden fields are masked like passwords. */
export const customFieldSchema = z.object({
  name: short,
  value: z.string().max(MAX_TEXT),
  hidden: z.boolean(),
});

/** One earlier password and when it stopped being current (ms since epoch). */
export const passwordHistoryEntrySchema = z.object({
  password: short,
  changedAt: z.number().int().nonnegative(),
});

const commonFields = {
  title: short.min(1, 'title is required'),
  notes: z.string().max(MAX_TEXT).default(''),
  fields: z.array(customFieldSchema).max(MAX_FIELDS).default([]),
  folder: z.string().max(MAX_FOLDER).default(''),
  tags: z.array(z.string().min(1).max(MAX_TAG)).max(MAX_TAGS).default([]),
  favourite: z.boolean().default(false),
};

/** What the user can set on a login. */
export const loginInputSchema = z.object({
  type: z.literal('login'),
  ...commonFields,
  username: short.default(''),
  password: short.default(''),
  urls: z.array(short).max(MAX_URLS).default([]),
  totp: short.default(''),
  /** "origin": fill only on the exact origin saved (default, T20); "domain": any subdomain of the site. */
  match: z.enum(['origin', 'domain']).default('origin'),
  /**
   * Days after which the password is due for rotation; 0 = the global default (Settings, 90 days).
   * Optional so that an edit made without it (an older client) keeps the saved value (update-item).
   */
  rotationDays: z.number().int().min(0).max(MAX_ROTATION_DAYS).optional(),
});

/** What the user can set on a secure note. */
export const noteInputSchema = z.object({ type: z.literal('note'), ...commonFields });

/** Either kind of item as typed by the user. */
export const itemInputSchema = z.discriminatedUnion('type', [loginInputSchema, noteInputSchema]);

/** Fields the vault keeps for the user (history, times); not settable through a message. */
const keptFields = {
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
};

/** Rotation state the vault keeps on a login (ms since epoch); both absent on logins saved before them. */
export const loginKeptFields = {
  /** When the current password was set; absent: the newest history entry's `changedAt`, else `createdAt`. */
  passwordChangedAt: z.number().int().nonnegative().optional(),
  /** Rotation reminders for this login are snoozed until then; cleared when the password changes. */
  rotationSnoozedUntil: z.number().int().nonnegative().optional(),
};

/** A decrypted login. */
export const loginSchema = loginInputSchema.extend({
  ...keptFields,
  ...loginKeptFields,
  passwordHistory: z.array(passwordHistoryEntrySchema).max(MAX_PASSWORD_HISTORY).default([]),
});
/** A decrypted secure note. */
export const noteSchema = noteInputSchema.extend(keptFields);
/** A decrypted item's content (inside the ciphertext). */
export const itemContentSchema = z.discriminatedUnion('type', [loginSchema, noteSchema]);

/** An item as the UI sees it when opened. */
export const itemSchema = z.object({ id: z.string(), rev: z.number().int(), content: itemContentSchema });

/** What the list shows; no password, no notes. `quarantined` items failed to decrypt (S8). */
export const itemSummarySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    id: z.string(),
    type: z.enum(['login', 'note']),
    title: z.string(),
    username: z.string(),
    url: z.string(),
    folder: z.string(),
    tags: z.array(z.string()),
    favourite: z.boolean(),
    updatedAt: z.number(),
    /** Present on items someone shared with this vault (lib/sharing/recipient): who, how, until when. */
    shared: z
      .object({ by: z.string(), permission: permissionSchema, expiresAt: z.number().nullable() })
      .optional(),
  }),
  z.object({ state: z.literal('quarantined'), id: z.string() }),
]);

export type ItemInput = z.input<typeof itemInputSchema>;
export type LoginInput = z.output<typeof loginInputSchema>;
export type ItemContent = z.output<typeof itemContentSchema>;
export type Item = z.output<typeof itemSchema>;
export type ItemSummary = z.output<typeof itemSummarySchema>;
