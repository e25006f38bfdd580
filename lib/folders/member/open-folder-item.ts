/**
 * Opens one folder item for the UI, masked for an autofill-only member (no password, one-time code secret
 * or hidden field: a convenience, not protection, since the device holds the secret), and reports "opened"
 * for that revision once, in the background: the view does not wait for the relay, and a relay that is down
 * only means no receipt.
 */
import type { ItemContent } from '../../vault/model/item-schema';
import { maskForPermission } from '../../vault/model/item-fields';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { FoldersContext } from '../folders-context';
import { commitFolders } from '../store/commit-folders';
import { requireFolder } from '../store/require-folder';
import { pullMessages } from './pull-messages';
import { withFolderSession } from './folder-session';
import { myFingerprint } from './my-fingerprint';
import { postReceipt, receiptSent } from './post-receipt';
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
  if (mine !== null && folder.status === 'member' && !receiptSent(folder, mine, itemId, item.rev, 'opened')) void reportOpened(ctx, vault, folderId, itemId, item.rev);
  return { item: masked ? maskForPermission(item.item, 'autofill-only') : item.item, rev: item.rev, masked };
}

/** Posts the "opened" receipt and applies it; failures are dropped (best effort, self-reported anyway). */
async function reportOpened(ctx: FoldersContext, vault: UnlockedVault, folderId: string, itemId: string, rev: number): Promise<void> {
  try {
    await withFolderSession(ctx, vault, async ({ me, relay }) => {
      const now = ctx.now();
      const folder = await requireFolder(ctx.db, vault, folderId);
      const posted = await postReceipt(me, relay, folder, itemId, rev, 'opened', now);
      await commitFolders(ctx.db, vault, { folders: [(await pullMessages(me, relay, posted, now, folder.state)).folder] }, now);
    });
  } catch {
    // A receipt that does not go out is not an error the user must see.
  }
}
