/**
 * After autofill filled a folder login, the member's client reports "filled" for that revision, once, in the
 * background (best effort: a relay that is down only means no receipt; it is self-reported either way).
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { FoldersContext } from '../folders-context';
import { commitFolders } from '../store/commit-folders';
import { requireActiveFolder } from '../store/require-folder';
import { parseFolderFillId } from './find-folder-logins';
import { withFolderSession } from './folder-session';
import { postReceipt } from './post-receipt';
import { pullMessages } from './pull-messages';
import { findLive } from './write-folder-item';

/** @param fillId - the id autofill filled (ids of other kinds are ignored) */
export async function reportFilled(ctx: FoldersContext, vault: UnlockedVault, fillId: string): Promise<void> {
  const target = parseFolderFillId(fillId);
  if (!target) return;
  try {
    await withFolderSession(ctx, vault, async ({ me, relay }) => {
      const now = ctx.now();
      const folder = await requireActiveFolder(ctx.db, vault, target.folderId);
      const item = findLive(folder, target.itemId);
      if (!item) return;
      const posted = await postReceipt(me, relay, folder, target.itemId, item.rev, 'filled', now);
      if (posted === folder) return;
      await commitFolders(ctx.db, vault, { folders: [(await pullMessages(me, relay, posted, now, folder.state)).folder] }, now);
    });
  } catch {
    // Best effort, as the other receipts.
  }
}
