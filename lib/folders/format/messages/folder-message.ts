/**
 * A folder message (issue 13): an item revision, a receipt or the folder's name, posted to the relay, which
 * numbers them per folder (`seq`). The content is sealed under a fresh content key wrapped by the epoch's
 * folder key; the author signs every other field with the key the log names for them. Everything here is
 * untrusted input (S6).
 */
import { z } from 'zod';
import { randomBytes } from '../../../crypto/random-bytes';
import { toBase64Url } from '../../../crypto/base64url';
import { itemContentSchema } from '../../../vault/model/item-schema';
import { folderIdSchema } from '../folder-id';
import { MAX_FOLDER_NAME_LENGTH } from '../folder-limits';
import { folderHeadSchema } from '../log/log-entry';
import { sealedWireSchema } from '../sealed-wire';
import { canonicalBase64 } from '../wire-bytes';
import { batchedReceiptSchema, MAX_RECEIPTS_PER_MESSAGE } from './receipt-batch';
import { folderItemIdSchema, receiptStatementSchema } from './receipt-statement';

const time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** A message id: 16 random bytes chosen by the client, base64url (22 characters); the relay stores each once. */
export const folderMessageIdSchema = folderIdSchema;

/** @returns a fresh message id */
export function newFolderMessageId(): string {
  return toBase64Url(randomBytes(16));
}

/** Every field but the signature. */
export const unsignedFolderMessageSchema = z
  .object({
    v: z.literal(1),
    folderId: folderIdSchema,
    id: folderMessageIdSchema,
    /** The epoch whose folder key wraps the content key. */
    epoch: z.number().int().min(1).max(1_000_000),
    /** The author's key fingerprint (base64 of 32 bytes). */
    author: canonicalBase64(32),
    /** The author's verified log head when sealing (T24). */
    head: folderHeadSchema,
    /** The content key under FK_epoch (purpose `folder-content-key`). */
    wrappedKey: sealedWireSchema,
    /** The content under the content key (purpose `folder-message`). */
    content: sealedWireSchema,
  })
  .strict();
export type UnsignedFolderMessage = z.infer<typeof unsignedFolderMessageSchema>;

/** A whole message: the author's Ed25519 signature (64 bytes, base64) over folderMessageSigningBytes. */
export const folderMessageSchema = unsignedFolderMessageSchema.extend({ sig: canonicalBase64(64) }).strict();
export type FolderMessage = z.infer<typeof folderMessageSchema>;

/** What a message holds, once opened. */
export const folderMessageContentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('item'),
      itemId: folderItemIdSchema,
      /** The relay seq of the version this edit was made on; 0 for a new item. */
      baseRev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      /** The whole item, or null: deleted. */
      item: itemContentSchema.nullable(),
      at: time,
    })
    .strict(),
  /** One statement per message: what the first clients posted; still applied, no longer sent (receipts is). */
  z.object({ kind: z.literal('receipt'), statement: receiptStatementSchema, statementSig: canonicalBase64(64) }).strict(),
  /** A batch of statements, each signed on its own (receipt-batch). */
  z.object({ kind: z.literal('receipts'), receipts: z.array(batchedReceiptSchema).min(1).max(MAX_RECEIPTS_PER_MESSAGE) }).strict(),
  z.object({ kind: z.literal('meta'), name: z.string().min(1).max(MAX_FOLDER_NAME_LENGTH), at: time }).strict(),
]);
export type FolderMessageContent = z.output<typeof folderMessageContentSchema>;
export type FolderMessageContentInput = z.input<typeof folderMessageContentSchema>;

/** A message as the relay lists it: its per-folder seq and the message (object or JSON text, untrusted). */
export interface NumberedFolderMessage {
  seq: number;
  message: unknown;
}
