/**
 * Opens one folder item for the UI, masked for an autofill-only member (no password, one-time code secret
 * or hidden field: a convenience, not protection, since the device holds the secret), and queues "opened"
 * for that revision once, in the background: the next sync sends it with the folder's other receipts.
 */
import type { ItemContent } from '../../vault/model/item-schema';
import { maskForPermission } from '../../vault/model/item-fields';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { FoldersContext } from '../folders-context';
import { requireFolder } from '../store/require-folder';
import { myFingerprint } from './my-fingerprint';
import { receiptDue } from './post-receipt';
import { queueReceipt } from './queue-receipt';
import { findLive } from './write-folder-item';
import { readIdentity } from '../../sharing/store/read-identity';
import { wipeIdentity } from '../../sharing/identity/wipe-identity';

/**
 * @throws VaultError `not-found` (no such folder or item), `corrupted` (the record does not open)
 */
export async function openFolderItem(ctx: FoldersContext, vault: UnlockedVault, folderId: string, itemId: string): Promise<{ item: ItemContent; rev: number; masked: boolean }> {
  const folder = await requireFolder(ctx.db, vault, folderId);
  const item = findLive(folder, itemId);
  if (!item?.item) throw new VaultError('not-found', 'This item is no longer in the folder.');
  const opened = await readIdentity(ctx.db, vault);
  const mine = opened ? myFingerprint(opened.identity) : null;
  if (opened) wipeIdentity(opened.identity);
  const member = mine !== null && Object.hasOwn(folder.state.members, mine) ? folder.state.members[mine] : undefined;
  const masked = member?.autofillOnly ?? true;
  // A receipt that cannot be queued (the vault locked meanwhile) is not an error the user must see.
  if (mine !== null && folder.status === 'member' && receiptDue(folder, mine, itemId, item.rev, 'opened')) void queueReceipt(ctx, vault, mine, folderId, itemId, item.rev, 'opened').catch(() => undefined);
  return { item: masked ? maskForPermission(item.item, 'autofill-only') : item.item, rev: item.rev, masked };
}
