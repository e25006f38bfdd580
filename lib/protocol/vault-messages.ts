/** The vault's own messages: lifecycle, items, settings and the audit log (pages only). */
import { z } from 'zod';
import { message, pages } from '../messaging/define-message';
import { auditEventSchema } from '../vault/model/audit-event';
import { clipboardTagSchema } from '../vault/model/clipboard-tag';
import { deletedItemSchema } from '../vault/model/deleted-item';
import { integrityReportSchema } from '../vault/model/integrity-report';
import { itemInputSchema, itemSchema, itemSummarySchema } from '../vault/model/item-schema';
import { settingsSchema } from '../vault/model/settings';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const masterPassword = z.string().min(1).max(1024);

export const vaultMessages = {
  vaultStatus: message(empty, z.object({ state: z.enum(['none', 'locked', 'unlocked']) }), pages),
  vaultCreate: message(z.object({ password: masterPassword }).strict(), empty, pages),
  /** `failedUnlocks`: attempts with a wrong password since the last unlock (now in the audit log). */
  vaultUnlock: message(
    z.object({ password: masterPassword }).strict(),
    z.object({ integrity: integrityReportSchema, failedUnlocks: z.number().int().nonnegative() }),
    pages,
  ),
  vaultLock: message(empty, empty, pages),
  /** Opens every item record and overview bucket and reports what does not open or match the manifest (issue 15). */
  vaultCheckIntegrity: message(empty, z.object({ integrity: integrityReportSchema }), pages),
  vaultChangePassword: message(z.object({ current: masterPassword, next: masterPassword }).strict(), empty, pages),
  itemList: message(empty, z.object({ items: z.array(itemSummarySchema) }), pages),
  itemGet: message(z.object({ id }).strict(), z.object({ item: itemSchema }), pages),
  itemCreate: message(z.object({ item: itemInputSchema }).strict(), z.object({ id }), pages),
  /** `rev`: the revision the edit started from; a newer stored revision is a `conflict`. */
  itemUpdate: message(z.object({ id, item: itemInputSchema, rev: z.number().int().positive().optional() }).strict(), empty, pages),
  itemDelete: message(z.object({ id }).strict(), empty, pages),
  itemRestore: message(z.object({ id }).strict(), empty, pages),
  /** Stars an item or not; audited as such, not as an edit. */
  itemFavourite: message(z.object({ id, favourite: z.boolean() }).strict(), empty, pages),
  /** The Trash: deleted items kept for 30 days, newest first. */
  itemTrashList: message(empty, z.object({ items: z.array(deletedItemSchema) }), pages),
  itemRevealed: message(z.object({ id }).strict(), empty, pages),
  /** `clip`: the tag of what was copied, so the clipboard is cleared only while it still holds it. */
  itemCopied: message(z.object({ id, field: z.enum(['username', 'password', 'totp']), clip: clipboardTagSchema }).strict(), empty, pages),
  /** The current one-time code of a login's TOTP secret (RFC 6238). */
  itemTotp: message(z.object({ id }).strict(), z.object({ code: z.string(), period: z.number().int(), secondsLeft: z.number().int() }), pages),
  /** Something not tied to an item (a generated password) was copied: schedule the clipboard clearing. */
  clipboardCopied: message(z.object({ clip: clipboardTagSchema }).strict(), empty, pages),
  settingsGet: message(empty, z.object({ settings: settingsSchema }), pages),
  settingsSet: message(z.object({ settings: settingsSchema }).strict(), empty, pages),
  auditList: message(empty, z.object({ events: z.array(auditEventSchema), chainValid: z.boolean() }), pages),
  auditExport: message(empty, z.object({ json: z.string() }), pages),
} as const;
