/**
 * Creates a shared folder: a fresh folder id and FK_1, the creator's signed `create` entry stored at the
 * relay as entry 1 (the creator becomes its first manager), then this vault's sealed record of it, whose
 * genesis is pinned from now on. Nothing is stored locally unless the relay took the entry.
 */
import { toBase64 } from '../../crypto/base64';
import { wipe } from '../../crypto/wipe';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { createFolderEntry } from '../format/log/create-folder-entry';
import type { FoldersContext } from '../folders-context';
import { onRelay } from '../member/folder-relay-failure';
import { withFolderSession } from '../member/folder-session';
import { commitFolders } from '../store/commit-folders';
import { newStoredFolder } from '../store/new-stored-folder';

/**
 * @param name - the folder's name, 1–200 characters (validated by the message)
 * @returns the new folder's id
 * @throws VaultError when sharing is not set up or the relay refuses or cannot be reached (nothing stored)
 */
export function createFolder(ctx: FoldersContext, vault: UnlockedVault, name: string): Promise<string> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const { entry, state, key } = createFolderEntry(me, now);
    try {
      const text = JSON.stringify(entry);
      await onRelay(() => relay.createFolder(state.folderId, text));
      const folder = { ...newStoredFolder(state, [text], name, 'member'), keys: [{ epoch: 1, key: toBase64(key) }] };
      await commitFolders(ctx.db, vault, { folders: [folder], audit: [{ type: 'folder-created', itemTitle: name }] }, now);
      return state.folderId;
    } finally {
      wipe(key);
    }
  });
}
