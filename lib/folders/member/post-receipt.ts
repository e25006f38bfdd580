/**
 * A member's client reports that it got, showed or filled an item revision: receipt statements signed with
 * the member's key, posted as folder messages (so only members read them). They are self-reported (a
 * modified client can stay silent or lie about its own actions) and the access record says so.
 *
 * Receipts are queued in the folder record (queueReceipts) and sent by the next sync as ONE message of up to
 * MAX_RECEIPTS_PER_MESSAGE statements (flushReceipts); what does not fit goes at the sync after. At most one
 * per item revision and event: one already in the folder's receipts or in the queue is not queued again.
 */
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { Identity } from '../../sharing/identity/identity';
import { VaultError } from '../../vault/model/vault-error';
import { MAX_RECEIPTS_PER_MESSAGE, signReceiptBatch, type DueReceipt } from '../format/messages/receipt-batch';
import type { ReceiptEvent } from '../format/messages/receipt-statement';
import { MAX_QUEUED_RECEIPTS, type StoredFolder } from '../store/stored-folder';
import { myFingerprint } from './my-fingerprint';
import { postFolderMessage } from './post-folder-message';

const keyOf = (r: { itemId: string; rev: number; event: ReceiptEvent }) => `${r.itemId}\n${r.rev}\n${r.event}`;

/** Keys (item, rev, event) of this member's receipts already applied in the folder. */
function sentKeys(folder: StoredFolder, member: string): Set<string> {
  return new Set(folder.applied.receipts.filter((r) => r.statement.member === member).map((r) => keyOf(r.statement)));
}

/** True when this member's receipt for that revision and event is already in the folder or queued. */
export function receiptDue(folder: StoredFolder, member: string, itemId: string, rev: number, event: ReceiptEvent): boolean {
  const key = keyOf({ itemId, rev, event });
  return !sentKeys(folder, member).has(key) && !folder.receiptQueue.some((r) => keyOf(r) === key);
}

/**
 * @param member - my key fingerprint
 * @param due - receipts to queue; ones already sent or queued are skipped
 * @returns the folder with them queued (the oldest dropped beyond MAX_QUEUED_RECEIPTS), or the same object when nothing was new
 */
export function queueReceipts(folder: StoredFolder, member: string, due: readonly DueReceipt[]): StoredFolder {
  const seen = sentKeys(folder, member);
  for (const r of folder.receiptQueue) seen.add(keyOf(r));
  const added: DueReceipt[] = [];
  for (const r of due) {
    if (seen.has(keyOf(r))) continue;
    seen.add(keyOf(r));
    added.push({ itemId: r.itemId, rev: r.rev, event: r.event, at: r.at });
  }
  if (added.length === 0) return folder;
  return { ...folder, receiptQueue: [...folder.receiptQueue, ...added].slice(-MAX_QUEUED_RECEIPTS) };
}

/**
 * Posts one batch of the queued receipts (the oldest MAX_RECEIPTS_PER_MESSAGE not yet in the folder).
 * @returns the folder with its log refreshed and the sent ones out of the queue, and whether a message went;
 *   on a VaultError (my role or access no longer allows it, no key yet) the queue is kept for the next sync
 * @throws relay failures (nothing sent, the queue is kept by the caller's unchanged record)
 */
export async function flushReceipts(me: Identity, relay: RelayClient, folder: StoredFolder, now: number): Promise<{ folder: StoredFolder; posted: boolean }> {
  const sent = sentKeys(folder, myFingerprint(me));
  const queue = folder.receiptQueue.filter((r) => !sent.has(keyOf(r)));
  if (queue.length === 0) return { folder: folder.receiptQueue.length ? { ...folder, receiptQueue: [] } : folder, posted: false };
  const batch = queue.slice(0, MAX_RECEIPTS_PER_MESSAGE);
  try {
    const posted = await postFolderMessage(me, relay, folder, { kind: 'receipts', receipts: signReceiptBatch(me, folder.folderId, batch) }, now);
    return { folder: { ...posted.folder, receiptQueue: queue.slice(batch.length) }, posted: true };
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    return { folder, posted: false };
  }
}
