/**
 * Messages of shared folders (issue 13): the folder list and one folder's view, creating a folder, its
 * items (add, move from the vault, edit, delete), its people (add from verified contacts, change a role,
 * remove with the rotate list), leaving, deleting, sync, and the access record with its JSON-lines export.
 * Extension pages only: no content script ever talks about folders (folder logins reach a page through
 * autofill's own messages). Keys never travel (S3); an autofill-only member's UI never gets a password.
 */
import { z } from 'zod';
import { message, pages } from '../messaging/define-message';
import { itemContentSchema, itemInputSchema } from '../vault/model/item-schema';

const empty = z.object({}).strict();
const time = z.number().int().nonnegative();
/** A folder id: 16 random bytes, base64url without padding. */
const folderId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
/** An item id inside a folder. */
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A member's key fingerprint: base64 of 32 bytes (44 characters). */
const fingerprint = z.string().length(44);
/** A contact's local id (sharing's opaque record id). */
const contactId = z.string().min(1).max(64);
/** How many stored folders could not be opened and were left out (S8); never their ids. */
const damaged = z.number().int().nonnegative();

export const folderRoleChoiceSchema = z.enum(['viewer', 'editor', 'manager']);
export type FolderRoleChoice = z.infer<typeof folderRoleChoiceSchema>;

/** Largest access-record export checked, characters (16 Mi: a folder's whole log and many thousand receipts). */
export const MAX_EXPORT_CHARS = 16 * 1024 * 1024;

/** Longest folder name, in characters (it travels in the folder-key envelope). */
export const MAX_FOLDER_NAME = 200;
const folderName = z.string().trim().min(1).max(MAX_FOLDER_NAME);

/** Where a folder stands for this vault. */
const folderStatus = z.enum(['member', 'left', 'removed', 'ended', 'deleted']);

const alert = z.object({
  kind: z.enum(['fork', 'rollback', 'withheld', 'ignored', 'commitment-mismatch', 'refused-entry', 'refused-key']),
  at: time,
  detail: z.string(),
});

const folderSummary = z.object({
  folderId,
  name: z.string(),
  status: folderStatus,
  /** My role; null once I am no longer a member. */
  role: folderRoleChoiceSchema.nullable(),
  members: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  alerts: z.number().int().nonnegative(),
  /** Removed people whose rotate list is still open. */
  rotate: z.number().int().nonnegative(),
});

const member = z.object({
  handle: z.string(),
  fingerprint,
  role: folderRoleChoiceSchema,
  autofillOnly: z.boolean(),
  accessEndsAt: time.nullable(),
  addedAt: time,
  /** Access ended by its date (the member is still named in the log until a manager rotates). */
  ended: z.boolean(),
  me: z.boolean(),
});

const folderItemRow = z.object({
  itemId,
  type: z.enum(['login', 'note']),
  title: z.string(),
  username: z.string(),
  url: z.string(),
  rev: z.number().int().min(1),
  changedAt: time,
  /** Handle of whoever made the last change (their fingerprint when the log names no handle). */
  changedBy: z.string(),
  /** The last change did not build on the version before it (two edits at once): both are kept. */
  conflict: z.boolean(),
});

/** "rotate these N passwords: <person> could read them from … to …", with change-password links. */
const rotateNotice = z.object({
  handle: z.string(),
  fingerprint,
  from: time,
  to: time,
  items: z.array(z.object({ itemId, title: z.string(), url: z.string(), changePasswordUrl: z.string().nullable() })),
});

export const folderViewSchema = z.object({
  folderId,
  name: z.string(),
  status: folderStatus,
  role: folderRoleChoiceSchema.nullable(),
  autofillOnly: z.boolean(),
  epoch: z.number().int().min(1),
  members: z.array(member),
  items: z.array(folderItemRow),
  alerts: z.array(alert),
  ignored: z.number().int().nonnegative(),
  rotate: z.array(rotateNotice),
  /** Someone who held the key left or their access ended; a manager's client rotates at its next sync. */
  rotationNeeded: z.boolean(),
  syncedAt: time.nullable(),
});
export type FolderView = z.infer<typeof folderViewSchema>;

/** One row of the access record: a membership event from the signed log, or a receipt a member's client reported. */
export const accessRowSchema = z.object({
  at: time,
  kind: z.enum(['created', 'added', 'role', 'removed', 'left', 'rotated', 'deleted', 'ended', 'delivered', 'opened', 'filled']),
  /** Whom it is about (handle). */
  who: z.string(),
  /** Who wrote it (a manager for the log; the member themself for receipts). */
  by: z.string(),
  role: folderRoleChoiceSchema.nullable(),
  /** The item it concerns, for receipts. */
  itemId: itemId.nullable(),
  itemTitle: z.string().nullable(),
  /** True for receipts: what a member's client says it did, signed by them, not proven by anything else. */
  selfReported: z.boolean(),
});
export type AccessRow = z.infer<typeof accessRowSchema>;

/** The folder feature's messages, spread into the protocol map. */
export const foldersMessages = {
  folderList: message(empty, z.object({ folders: z.array(folderSummary), damaged }), pages),
  folderGet: message(z.object({ folderId }).strict(), folderViewSchema, pages),
  folderCreate: message(z.object({ name: folderName }).strict(), z.object({ folderId }), pages),
  /** One item, masked for an autofill-only member (no password, one-time code secret or hidden field). */
  folderItemGet: message(z.object({ folderId, itemId }).strict(), z.object({ item: itemContentSchema, rev: z.number().int(), masked: z.boolean() }), pages),
  folderItemAdd: message(z.object({ folderId, item: itemInputSchema }).strict(), z.object({ itemId }), pages),
  /** Moves one of my vault items in: it leaves the vault only once the folder message is stored on the relay. */
  folderItemMove: message(z.object({ folderId, vaultItemId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(), z.object({ itemId }), pages),
  folderItemEdit: message(z.object({ folderId, itemId, item: itemInputSchema, baseRev: z.number().int().min(1) }).strict(), empty, pages),
  folderItemDelete: message(z.object({ folderId, itemId }).strict(), empty, pages),
  folderMemberAdd: message(
    z.object({ folderId, contactId, role: folderRoleChoiceSchema, autofillOnly: z.boolean(), accessEndsAt: time.nullable() }).strict(),
    empty,
    pages,
  ),
  folderMemberRole: message(
    z.object({ folderId, fingerprint, role: folderRoleChoiceSchema, autofillOnly: z.boolean(), accessEndsAt: time.nullable() }).strict(),
    empty,
    pages,
  ),
  /** Removes a person, rotates the folder key, and answers with what they could read. */
  folderMemberRemove: message(z.object({ folderId, fingerprint }).strict(), z.object({ rotate: rotateNotice }), pages),
  folderRotateDismiss: message(z.object({ folderId, fingerprint }).strict(), empty, pages),
  folderLeave: message(z.object({ folderId }).strict(), empty, pages),
  folderDelete: message(z.object({ folderId }).strict(), empty, pages),
  /** Brings every folder up to date with the relay (the sharing alarm does it too). */
  folderSync: message(empty, z.object({ synced: z.number().int().nonnegative(), errors: z.array(z.string()) }), pages),
  /** Who had access when, and the receipts; `jsonl` is the signed log entries and receipts, one JSON per line. */
  folderAccessRecord: message(z.object({ folderId, itemId: itemId.optional() }).strict(), z.object({ rows: z.array(accessRowSchema), jsonl: z.string() }), pages),
  /** Checks an access-record export against this vault's pinned keys (its own and its contacts'). */
  folderAccessVerify: message(
    z.object({ jsonl: z.string().min(1).max(MAX_EXPORT_CHARS) }).strict(),
    z.discriminatedUnion('verified', [
      z.object({ verified: z.literal(true), folderId, people: z.number().int(), periods: z.number().int(), receipts: z.number().int(), problem: z.null() }),
      z.object({ verified: z.literal(false), problem: z.string() }),
    ]),
    pages,
  ),
};
