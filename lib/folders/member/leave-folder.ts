/**
 * A member leaves: the signed `leave` entry (the relay lets a member append it for themself only), then this
 * vault's copy of the folder goes. The leaver keeps no key; a manager's client rotates at its next sync
 * (the state says `rotationNeeded`), so nothing written afterwards opens for them.
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { leaveFolderEntry } from '../format/log/leave-folder-entry';
import { appendEntry } from './append-entry';
import type { FoldersContext } from '../folders-context';
import { withFolderSession } from './folder-session';
import { commitFolders } from '../store/commit-folders';
import { requireActiveFolder } from '../store/require-folder';

/** @throws VaultError `forbidden` (the last manager: delete the folder or name another manager first), `conflict`, relay failures */
export function leaveFolder(ctx: FoldersContext, vault: UnlockedVault, folderId: string): Promise<void> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    await appendEntry(relay, start, (state) => leaveFolderEntry(me, state, start.applied.cursor, now), { remove: [me.handle] }, now);
    await commitFolders(ctx.db, vault, { remove: [folderId], audit: [{ type: 'folder-left', itemTitle: start.name }] }, now);
  });
}
