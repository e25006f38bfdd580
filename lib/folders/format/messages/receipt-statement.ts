/**
 * A signed receipt (issue 13): a member's client states that an item revision was delivered to it, opened
 * or filled. The statement is signed by the member's Ed25519 key, so anyone holding their pinned key can
 * check it later (the access record's export); it is self-reported: it says what the client claims, and a
 * modified client can stay silent.
 */
import { z } from 'zod';
import { encodeLengthPrefixed } from '../../../crypto/encode-length-prefixed';
import { folderIdSchema } from '../folder-id';
import { canonicalBase64 } from '../wire-bytes';

/** What the member's client reports. */
export const receiptEventSchema = z.enum(['delivered', 'opened', 'filled']);
export type ReceiptEvent = z.infer<typeof receiptEventSchema>;

/**
 * An item id inside a folder: 1–64 characters of base64url's alphabet (like envelope item ids), never
 * `__proto__`: items are kept in a plain object by id, where that key would set its prototype instead.
 */
export const folderItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .refine((id) => id !== '__proto__', 'reserved item id');

export const receiptStatementSchema = z
  .object({
    folderId: folderIdSchema,
    itemId: folderItemIdSchema,
    /** The relay seq of the revision it is about. */
    rev: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    event: receiptEventSchema,
    /** When, by the member's clock, ms since epoch. */
    at: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    /** The member's key fingerprint (base64 of 32 bytes). */
    member: canonicalBase64(32),
  })
  .strict();
export type ReceiptStatement = z.infer<typeof receiptStatementSchema>;

/** @returns `lp("sealpass/v1/folder-receipt") ‖ lp(name) ‖ lp(value) …` for every field in order */
export function receiptStatementBytes(statement: ReceiptStatement): Uint8Array {
  const s = statement;
  return encodeLengthPrefixed(['sealpass/v1/folder-receipt', 'folderId', s.folderId, 'itemId', s.itemId, 'rev', String(s.rev), 'event', s.event, 'at', String(s.at), 'member', s.member]);
}
