/**
 * Receipts travel in batches: one folder message carries up to MAX_RECEIPTS_PER_MESSAGE statements, each
 * still signed on its own (the same bytes as a single statement: receiptStatementBytes), so the access
 * record's JSON-lines export and its verifier check every statement as before. One message per statement
 * (about 1 KB each) let receipts alone fill a folder: 1,000 items shared with 50 members, each delivered and
 * opened once, is 100,000 messages, about 100 MB against the relay's 64 MiB per folder. In a batch the
 * folder id and member are the message's own (its folder and its signed author), so each statement costs
 * about 250 bytes: the same receipts take about 26 MB.
 */
import { z } from 'zod';
import { toBase64 } from '../../../crypto/base64';
import { signEd25519 } from '../../../crypto/sign-ed25519';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { canonicalBase64 } from '../wire-bytes';
import { folderItemIdSchema, receiptEventSchema, receiptStatementBytes, receiptStatementSchema, type ReceiptStatement } from './receipt-statement';

/**
 * Most statements in one receipts message. Worst case (64-character item ids, the largest numbers) a
 * statement is about 260 bytes of JSON, 350 once sealed and base64-encoded: 150 make about 53 KiB, under
 * the 64 KiB message limit with room for the envelope (tests/folders/format/messages/receipt-batch.test.ts).
 */
export const MAX_RECEIPTS_PER_MESSAGE = 150;

/** One statement in a batch: the statement without folderId and member (the message's), and its signature. */
export const batchedReceiptSchema = z
  .object({
    itemId: folderItemIdSchema,
    rev: receiptStatementSchema.shape.rev,
    event: receiptEventSchema,
    at: receiptStatementSchema.shape.at,
    /** Ed25519 over receiptStatementBytes of the whole statement, base64 of 64 bytes. */
    sig: canonicalBase64(64),
  })
  .strict();
export type BatchedReceipt = z.infer<typeof batchedReceiptSchema>;

/** A receipt not yet signed: what a member's client queues until its next sync. */
export type DueReceipt = Omit<BatchedReceipt, 'sig'>;

/** @returns the whole statement a batched receipt stands for, in the folder `folderId`, by `member` (the message's author) */
export function statementOf(folderId: string, member: string, receipt: DueReceipt): ReceiptStatement {
  return { folderId, itemId: receipt.itemId, rev: receipt.rev, event: receipt.event, at: receipt.at, member };
}

/**
 * Signs each due receipt as its own statement by me.
 * @param due - at most MAX_RECEIPTS_PER_MESSAGE, validated here
 * @returns the batch for a `receipts` message
 * @throws ZodError for an invalid receipt; RangeError for more than MAX_RECEIPTS_PER_MESSAGE
 */
export function signReceiptBatch(me: Identity, folderId: string, due: readonly DueReceipt[]): BatchedReceipt[] {
  if (due.length > MAX_RECEIPTS_PER_MESSAGE) throw new RangeError('signReceiptBatch: too many receipts for one message');
  const member = toBase64(keyFingerprint(me));
  return due.map((receipt) => {
    const statement = receiptStatementSchema.parse(statementOf(folderId, member, receipt));
    return { itemId: statement.itemId, rev: statement.rev, event: statement.event, at: statement.at, sig: toBase64(signEd25519(me.signingSecretKey, receiptStatementBytes(statement))) };
  });
}
