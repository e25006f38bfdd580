/**
 * Moves one of my own vault items into a folder: its shared fields go in as a new folder item, and only once
 * the relay has stored that message does the item leave the vault (to the trash, where it can be restored
 * for 30 days like any deleted item: S8). A relay that is down leaves everything where it was.
 */
import type { VaultDb } from '../../db/vault-db';
import { getItem } from '../../vault/items/get-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { inputFromContent } from '../../vault/model/item-fields';
import type { FoldersContext } from '../folders-context';
import { commitFolders } from '../store/commit-folders';
import { requireActiveFolder } from '../store/require-folder';
import { pullMessages } from './pull-messages';
import { withFolderSession } from './folder-session';
import { postFolderMessage } from './post-folder-message';
import { folderContent, newFolderItemId } from './write-folder-item';

/**
 * @param removeFromVault - deletes the vault item (the vault's own delete, with its hooks: shares of it are revoked)
 * @returns the folder item's id
 * @throws VaultError `not-found` (no such vault item), as writeFolderItem otherwise
 */
export async function moveVaultItem(
  ctx: FoldersContext,
  vault: UnlockedVault,
  folderId: string,
  vaultItemId: string,
  removeFromVault: (db: VaultDb, vault: UnlockedVault, id: string, title: string) => Promise<void>,
): Promise<string> {
  const own = await getItem(ctx.db, vault, vaultItemId);
  const itemId = newFolderItemId();
  await withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    const item = folderContent(inputFromContent(own.content), own.content, now);
    const { folder } = await postFolderMessage(me, relay, start, { kind: 'item', itemId, baseRev: 0, item, at: now }, now);
    const pulled = await pullMessages(me, relay, folder, now, start.state);
    await commitFolders(ctx.db, vault, { folders: [pulled.folder], audit: [{ type: 'folder-item-moved', itemId: vaultItemId, itemTitle: own.content.title }] }, now);
  });
  // Stored on the relay and in the folder's record: only now does it leave the vault.
  await removeFromVault(ctx.db, vault, vaultItemId, own.content.title);
  return itemId;
}
