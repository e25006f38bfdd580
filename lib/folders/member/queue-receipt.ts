/**
 * Queues an "opened" or "filled" receipt in the folder record, behind the vault's other sharing and folder
 * tasks (a sync in progress would otherwise write its older copy over it). No relay call: the next sync
 * (the minute alarm, or one the user starts) sends it with the others in one batch message.
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { withSharingLock } from '../../sharing/store/sharing-lock';
import type { ReceiptEvent } from '../format/messages/receipt-statement';
import type { FoldersContext } from '../folders-context';
import { commitFolders } from '../store/commit-folders';
import { requireFolder } from '../store/require-folder';
import { queueReceipts } from './post-receipt';

/**
 * @param member - my key fingerprint
 * @throws VaultError `not-found`, `corrupted` (no such folder record), `locked`; a folder I am no longer in is left unchanged
 */
export function queueReceipt(ctx: FoldersContext, vault: UnlockedVault, member: string, folderId: string, itemId: string, rev: number, event: Exclude<ReceiptEvent, 'delivered'>): Promise<void> {
  return withSharingLock(vault, async () => {
    const folder = await requireFolder(ctx.db, vault, folderId);
    if (folder.status !== 'member') return;
    const now = ctx.now();
    const queued = queueReceipts(folder, member, [{ itemId, rev, event, at: now }]);
    if (queued !== folder) await commitFolders(ctx.db, vault, { folders: [queued] }, now);
  });
}
