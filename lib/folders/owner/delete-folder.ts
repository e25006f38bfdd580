/**
 * A manager deletes the folder: the signed `delete` entry is appended first (members read it and drop their
 * copies: the relay's word alone never deletes anything), then the relay drops the folder's messages, then
 * this vault's record goes. An item the user wants to keep should be moved to the vault before.
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { deleteFolderEntry } from '../format/log/delete-folder-entry';
import type { FoldersContext } from '../folders-context';
import { onRelay } from '../member/folder-relay-failure';
import { withFolderSession } from '../member/folder-session';
import { commitFolders } from '../store/commit-folders';
import { requireActiveFolder } from '../store/require-folder';
import { appendEntry } from '../member/append-entry';

/** @throws VaultError `forbidden` (not a manager), `conflict`, relay failures (nothing removed locally then) */
export function deleteFolder(ctx: FoldersContext, vault: UnlockedVault, folderId: string): Promise<void> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    await appendEntry(relay, start, (state) => deleteFolderEntry(me, state, now), undefined, now);
    await onRelay(() => relay.deleteFolder(folderId));
    await commitFolders(ctx.db, vault, { remove: [folderId], audit: [{ type: 'folder-deleted', itemTitle: start.name }] }, now);
  });
}
