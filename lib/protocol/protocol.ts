/**
 * The one protocol map (STYLE: messaging): every message's request and response schema and the senders
 * allowed to send it. Names are domain-first. Keys never appear in any schema (S3).
 */
import { z } from 'zod';
import '../messaging/zod-jitless';
import { message, pages } from '../messaging/define-message';
import { exportMessages } from '../export/export-messages';
import { healthMessages } from '../health/health-messages';
import { autofillSaveMessages } from '../autofill/autofill-save-messages';
import { autofillMessages } from '../autofill/autofill-messages';
import { importMessages } from '../import/import-messages';
import { sharingMessages } from '../sharing/sharing-messages';
import { itemInputSchema, itemSchema, itemSummarySchema, MAX_ROTATION_DAYS } from '../vault/model/item-schema';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const masterPassword = z.string().min(1).max(1024);

/** Problems found when the authenticated manifest is compared with the stored items (T09). */
export const integrityReportSchema = z.object({
  missing: z.array(z.string()),
  unexpected: z.array(z.string()),
  rolledBack: z.array(z.string()),
  quarantined: z.array(z.string()),
});

export const settingsSchema = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 = never. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  /** Seconds before a copied secret is cleared from the clipboard; 0 = never. */
  clipboardSeconds: z.number().int().min(0).max(600),
  /** Days after which a login's password is due for rotation, unless the login sets its own; absent = 90. */
  rotationDays: z.number().int().min(1).max(MAX_ROTATION_DAYS).optional(),
});

export const auditEventTypeSchema = z.enum([
  'vault-created', 'vault-unlocked', 'vault-locked', 'master-password-changed',
  'item-created', 'item-edited', 'item-deleted', 'item-restored',
  'password-revealed', 'password-copied', 'username-copied', 'totp-copied', 'audit-exported',
  'vault-exported-encrypted', 'vault-exported-plain',
  'items-imported',
  'item-filled',
  'share-created', 'share-delivered', 'share-accepted', 'share-declined', 'share-opened', 'share-updated', 'share-revoked', 'share-expired',
]);

/** One decrypted audit event. `itemTitle` is the title when the event happened. */
export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  type: auditEventTypeSchema,
  itemId: z.string().optional(),
  itemTitle: z.string().optional(),
  /** How many items an event covers (`items-imported`). */
  count: z.number().int().nonnegative().optional(),
  /** The other person of a sharing event (their handle): the recipient for the owner, the owner for a recipient. */
  party: z.string().max(64).optional(),
  hash: z.string(),
});

/** The vault's own messages: lifecycle, items, settings, audit log. */
const vaultMessages = {
  vaultStatus: message(empty, z.object({ state: z.enum(['none', 'locked', 'unlocked']) }), pages),
  vaultCreate: message(z.object({ password: masterPassword }).strict(), empty, pages),
  vaultUnlock: message(z.object({ password: masterPassword }).strict(), z.object({ integrity: integrityReportSchema }), pages),
  vaultLock: message(empty, empty, pages),
  vaultChangePassword: message(z.object({ current: masterPassword, next: masterPassword }).strict(), empty, pages),
  itemList: message(empty, z.object({ items: z.array(itemSummarySchema) }), pages),
  itemGet: message(z.object({ id }).strict(), z.object({ item: itemSchema }), pages),
  itemCreate: message(z.object({ item: itemInputSchema }).strict(), z.object({ id }), pages),
  /** `rev`: the revision the edit started from; a newer stored revision is a `conflict`. */
  itemUpdate: message(z.object({ id, item: itemInputSchema, rev: z.number().int().positive().optional() }).strict(), empty, pages),
  itemDelete: message(z.object({ id }).strict(), empty, pages),
  itemRestore: message(z.object({ id }).strict(), empty, pages),
  itemRevealed: message(z.object({ id }).strict(), empty, pages),
  itemCopied: message(z.object({ id, field: z.enum(['username', 'password', 'totp']) }).strict(), empty, pages),
  /** The current one-time code of a login's TOTP secret (RFC 6238). */
  itemTotp: message(z.object({ id }).strict(), z.object({ code: z.string(), period: z.number().int(), secondsLeft: z.number().int() }), pages),
  /** Something not tied to an item (a generated password) was copied: schedule the clipboard clearing. */
  clipboardCopied: message(empty, empty, pages),
  settingsGet: message(empty, z.object({ settings: settingsSchema }), pages),
  settingsSet: message(z.object({ settings: settingsSchema }).strict(), empty, pages),
  auditList: message(empty, z.object({ events: z.array(auditEventSchema), chainValid: z.boolean() }), pages),
  auditExport: message(empty, z.object({ json: z.string() }), pages),
} as const;

/** Every message, feature by feature; each feature keeps its messages in its own `*-messages.ts`. */
export const protocol = {
  ...vaultMessages,
  ...exportMessages,
  ...healthMessages,
  ...autofillSaveMessages,
  ...autofillMessages,
  ...importMessages,
  ...sharingMessages,
} as const;

export type { SenderKind } from '../messaging/define-message';
export type Protocol = typeof protocol;
/** The vault's own message types; other features' handlers come from their own factories. */
export type VaultMessageType = keyof typeof vaultMessages;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;
export type Settings = z.infer<typeof settingsSchema>;
export type IntegrityReport = z.infer<typeof integrityReportSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() }).strict();

/** Every result: `{ ok: true, ...response }` or `{ ok: false, error }`. */
export type Result<T extends MessageType> =
  | ({ ok: true } & ResponseOf<T>)
  | { ok: false; error: { code: import('../vault/model/vault-error').ErrorCode; message: string } };
