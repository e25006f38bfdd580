/**
 * Checks an exported access record with nothing but the members' pinned public keys: the log replays (every
 * signature by a key the log itself names, from a creator whose keys are pinned, T23), every key the log
 * names for a pinned person is the pinned one, every receipt is signed by the member it names, and the
 * access periods equal those recomputed from the log. Item lifetimes cannot be checked without the folder's
 * keys; they come back marked as the exporter's report.
 */
import { toBase64 } from '../../../crypto/base64';
import type { PublicIdentity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { z } from 'zod';
import { findMember } from '../log/folder-state-queries';
import { FolderLogError } from '../log/folder-log-error';
import { folderHeadSchema, type LogEntry } from '../log/log-entry';
import { replayFolderLog } from '../log/replay-folder-log';
import type { FolderReceipt } from '../messages/applied-folder';
import { folderItemIdSchema, receiptStatementSchema } from '../messages/receipt-statement';
import { verifyReceiptStatement } from '../messages/sign-receipt';
import { canonicalBase64 } from '../wire-bytes';
import type { AccessRecord, ItemLifetime } from './access-record';
import { accessPeriods, accessRecordOf } from './build-access-record';
import { ACCESS_RECORD_TYPE } from './export-access-record';

/** Why an export does not check out, and on which line (1-based; 0 for the file as a whole). */
export type AccessRecordErrorReason = 'malformed' | 'log' | 'unpinned-creator' | 'key-mismatch' | 'receipt' | 'access-mismatch';

export class AccessRecordError extends Error {
  override name = 'AccessRecordError';
  constructor(
    readonly reason: AccessRecordErrorReason,
    readonly line: number,
  ) {
    super(`access record refused (${reason}${line ? ` on line ${line}` : ''})`);
  }
}

const time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const headerLine = z.object({ type: z.literal(ACCESS_RECORD_TYPE), v: z.literal(1), folderId: z.string(), genesis: canonicalBase64(32), head: folderHeadSchema, exportedAt: time }).strict();
const itemLine = z
  .object({
    type: z.literal('item'),
    reportedBy: z.literal('exporter'),
    itemId: folderItemIdSchema,
    firstRev: z.number().int().min(1),
    firstAt: time,
    deletedAt: time.nullable(),
    lastRev: z.number().int().min(1),
    lastAt: time,
    lastAuthor: canonicalBase64(32),
  })
  .strict();
const receiptLine = z.object({ type: z.literal('receipt'), seq: z.number().int().min(1), statement: receiptStatementSchema, statementSig: canonicalBase64(64), selfReported: z.literal(true) }).strict();

/**
 * @param text - the export, untrusted
 * @param pinned - the public identities the verifier has pinned (at least the folder's creator)
 * @returns the record as recomputed from what verified
 * @throws AccessRecordError with the first line that fails and why
 */
export function verifyAccessRecord(text: string, pinned: readonly PublicIdentity[]): AccessRecord {
  const rows = text.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const parsed = rows.map((row, i) => {
    try {
      return JSON.parse(row) as unknown;
    } catch {
      throw new AccessRecordError('malformed', i + 1);
    }
  });
  const header = headerLine.safeParse(parsed[0]);
  if (!header.success) throw new AccessRecordError('malformed', 1);
  const typeOf = (row: unknown) => (typeof row === 'object' && row !== null && 'type' in row ? (row as { type: unknown }).type : undefined);

  const entries: unknown[] = [];
  const lifetimes: ItemLifetime[] = [];
  const receipts: { line: number; receipt: FolderReceipt }[] = [];
  const access: unknown[] = [];
  for (let i = 1; i < parsed.length; i++) {
    const row = parsed[i];
    switch (typeOf(row)) {
      case 'log':
        entries.push((row as { entry: unknown }).entry);
        break;
      case 'item': {
        const item = itemLine.safeParse(row);
        if (!item.success) throw new AccessRecordError('malformed', i + 1);
        const { type: _t, reportedBy: _r, ...life } = item.data;
        lifetimes.push(life);
        break;
      }
      case 'receipt': {
        const receipt = receiptLine.safeParse(row);
        if (!receipt.success) throw new AccessRecordError('malformed', i + 1);
        receipts.push({ line: i + 1, receipt: { seq: receipt.data.seq, statement: receipt.data.statement, statementSig: receipt.data.statementSig, selfReported: true } });
        break;
      }
      case 'access':
        access.push(row);
        break;
      default:
        throw new AccessRecordError('malformed', i + 1);
    }
  }

  let state;
  try {
    state = replayFolderLog(entries, header.data.genesis);
  } catch (error) {
    throw new AccessRecordError('log', error instanceof FolderLogError && error.seq !== undefined ? error.seq + 1 : 0);
  }
  if (state.folderId !== header.data.folderId || state.head.seq !== header.data.head.seq || state.head.hash !== header.data.head.hash) throw new AccessRecordError('log', 1);

  const pins = new Map(pinned.map((p) => [toBase64(keyFingerprint(p)), p]));
  if (!pins.has(state.creator)) throw new AccessRecordError('unpinned-creator', 2);
  // A pinned person named with other keys (under their handle, or with another X-Wing key) is not the person
  // the verifier pinned. replayFolderLog checked every entry against the schema.
  const pinnedHandles = new Map(pinned.map((p) => [p.handle, toBase64(keyFingerprint(p))]));
  for (const entry of entries as LogEntry[]) {
    const s = entry.subject;
    if (!s) continue;
    const pin = pins.get(s.fingerprint);
    const otherKeys = pinnedHandles.has(s.handle) && pinnedHandles.get(s.handle) !== s.fingerprint;
    if (otherKeys || (pin?.xwingKey && s.xwingKey !== undefined && s.xwingKey !== toBase64(pin.xwingKey))) throw new AccessRecordError('key-mismatch', entry.seq + 1);
  }

  for (const { line, receipt } of receipts) {
    const member = findMember(state, receipt.statement.member);
    if (!member || receipt.statement.folderId !== state.folderId || !verifyReceiptStatement(receipt.statement, receipt.statementSig, member.keys.signingKey)) {
      throw new AccessRecordError('receipt', line);
    }
  }

  const expected = accessPeriods(state).map((p) => JSON.stringify({ type: 'access', ...p }));
  const given = access.map((row) => JSON.stringify(row));
  if (expected.length !== given.length || expected.some((line, i) => line !== given[i])) throw new AccessRecordError('access-mismatch', 0);

  return accessRecordOf(
    state,
    lifetimes,
    receipts.map((r) => r.receipt),
  );
}
