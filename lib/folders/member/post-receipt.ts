/**
 * A member's client reports that it got, showed or filled an item revision: a receipt statement signed with
 * the member's key, posted as a folder message (so only members read it). It is self-reported (a modified
 * client can stay silent or lie about its own actions) and the access record says so. At most one per item
 * revision and event: one already in the folder's receipts is not sent again.
 */
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { Identity } from '../../sharing/identity/identity';
import type { ReceiptEvent } from '../format/messages/receipt-statement';
import { signReceiptStatement } from '../format/messages/sign-receipt';
import type { StoredFolder } from '../store/stored-folder';
import { myFingerprint } from './my-fingerprint';
import { postFolderMessage } from './post-folder-message';

/** True when this member's receipt for that revision and event is already in the folder. */
export function receiptSent(folder: StoredFolder, member: string, itemId: string, rev: number, event: ReceiptEvent): boolean {
  return folder.applied.receipts.some((r) => r.statement.member === member && r.statement.itemId === itemId && r.statement.rev === rev && r.statement.event === event);
}

/**
 * @returns the folder with its log refreshed (the caller pulls messages to see the receipt applied), or
 *   the folder unchanged when the receipt was sent before
 * @throws as postFolderMessage
 */
export async function postReceipt(me: Identity, relay: RelayClient, folder: StoredFolder, itemId: string, rev: number, event: ReceiptEvent, now: number): Promise<StoredFolder> {
  const member = myFingerprint(me);
  if (receiptSent(folder, member, itemId, rev, event)) return folder;
  const statement = { folderId: folder.folderId, itemId, rev, event, at: now, member };
  const posted = await postFolderMessage(me, relay, folder, { kind: 'receipt', statement, statementSig: signReceiptStatement(me, statement) }, now);
  return posted.folder;
}
