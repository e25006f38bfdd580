/**
 * After autofill filled a folder login, the member's client queues "filled" for that revision, once; the
 * next sync sends it with the folder's other receipts (best effort: it is self-reported either way).
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { readIdentity } from '../../sharing/store/read-identity';
import { wipeIdentity } from '../../sharing/identity/wipe-identity';
import type { FoldersContext } from '../folders-context';
import { requireActiveFolder } from '../store/require-folder';
import { parseFolderFillId } from './find-folder-logins';
import { myFingerprint } from './my-fingerprint';
import { queueReceipt } from './queue-receipt';
import { findLive } from './write-folder-item';

/** @param fillId - the id autofill filled (ids of other kinds are ignored) */
export async function reportFilled(ctx: FoldersContext, vault: UnlockedVault, fillId: string): Promise<void> {
  const target = parseFolderFillId(fillId);
  if (!target) return;
  try {
    const opened = await readIdentity(ctx.db, vault);
    if (!opened) return;
    const mine = myFingerprint(opened.identity);
    wipeIdentity(opened.identity);
    const item = findLive(await requireActiveFolder(ctx.db, vault, target.folderId), target.itemId);
    if (!item) return;
    await queueReceipt(ctx, vault, mine, target.folderId, target.itemId, item.rev, 'filled');
  } catch {
    // Best effort, as the other receipts.
  }
}
