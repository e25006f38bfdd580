/**
 * The applied folder (lib/folders/format/messages/applied-folder: items with every version they replaced,
 * receipts, the name, what was ignored, alerts, the message cursor) as this client keeps it inside its sealed
 * folder record. Authenticated under the vault key; the schema still checks every field, so a record that
 * does not fit is reported as damaged rather than half-read (S8).
 */
import { z } from 'zod';
import { base64Bytes } from '../../relay-protocol/identity-bundle';
import { itemContentSchema } from '../../vault/model/item-schema';
import type { AppliedFolder } from '../format/messages/applied-folder';
import { receiptStatementSchema } from '../format/messages/receipt-statement';

const time = z.number().int().nonnegative();
const seq = z.number().int().min(1);
const fingerprint = base64Bytes(32);

const version = {
  rev: seq,
  author: fingerprint,
  at: time,
  item: itemContentSchema.nullable(),
  baseRev: z.number().int().nonnegative(),
  conflict: z.boolean(),
};
const versionSchema = z.object(version).strict();

export const appliedFolderSchema = z
  .object({
    cursor: z.number().int().nonnegative(),
    name: z.object({ name: z.string().max(200), at: time, author: fingerprint, rev: seq }).strict().nullable(),
    items: z.record(
      z.string(),
      z.object({ ...version, itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), createdRev: seq, createdAt: time, history: z.array(versionSchema) }).strict(),
    ),
    receipts: z.array(z.object({ seq, statement: receiptStatementSchema, statementSig: base64Bytes(64), selfReported: z.literal(true) }).strict()),
    ignored: z.array(z.object({ seq, author: fingerprint.nullable(), reason: z.enum(['malformed', 'wrong-folder', 'bad-signature', 'not-member', 'role', 'epoch-mismatch', 'stale-epoch', 'access-ended', 'unreadable', 'fork', 'receipt-mismatch', 'unknown-item']) }).strict()),
    alerts: z.array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('fork'), seq, author: fingerprint }).strict(),
        z.object({ kind: z.literal('withheld'), seq, author: fingerprint, headSeq: seq }).strict(),
        z.object({ kind: z.literal('gap'), after: z.number().int().nonnegative(), seq }).strict(),
      ]),
    ),
    seenIds: z.record(z.string(), seq),
    waiting: z
      .discriminatedUnion('reason', [
        z.object({ reason: z.literal('withheld'), seq }).strict(),
        z.object({ reason: z.literal('gap'), seq }).strict(),
        z.object({ reason: z.literal('no-key'), seq, epoch: z.number().int().min(1) }).strict(),
      ])
      .nullable(),
  })
  .strict() satisfies z.ZodType<AppliedFolder>;
