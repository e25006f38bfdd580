/**
 * A manager removes a person: the `remove` entry starts a new epoch with a fresh key (and the old one wrapped
 * under it), appended with compare-and-swap; the new key goes to every remaining member through the outbox,
 * in the same transaction as the folder record. From then on whatever is written opens only with the new
 * key, which the removed person never gets (T23). Answers with the rotate list for them.
 */
import { wipe } from '../../crypto/wipe';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { removeMemberEntry } from '../format/log/remove-member-entry';
import type { FoldersContext } from '../folders-context';
import { folderKeyAt } from '../member/folder-key-at';
import { withFolderSession } from '../member/folder-session';
import { myFingerprint } from '../member/my-fingerprint';
import { rotateNoticeFor, type RotateNotice } from '../member/rotate-notices';
import { commitFolders } from '../store/commit-folders';
import { onRelay } from '../member/folder-relay-failure';
import { pullMessages } from '../member/pull-messages';
import { requireActiveFolder } from '../store/require-folder';
import { appendEntry } from '../member/append-entry';
import { keyEnvelopes } from './key-envelopes';

/**
 * @param fingerprint - the member's key fingerprint
 * @throws VaultError `forbidden` (not a manager, not a member, removing myself: leave instead), `corrupted`
 *   (no key for the current epoch here), `conflict`, relay failures; nothing stored unless the entry is on the relay
 */
export function removeFolderMember(ctx: FoldersContext, vault: UnlockedVault, folderId: string, fingerprint: string): Promise<RotateNotice> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const mine = myFingerprint(me);
    if (fingerprint === mine) throw new VaultError('forbidden', 'To remove yourself, leave the folder.');
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    const handle = start.state.members[fingerprint]?.handle;
    if (!Object.hasOwn(start.state.members, fingerprint) || handle === undefined) throw new VaultError('not-found', 'That person is not a member of this folder.');
    const { folder: appended, built } = await appendEntry(
      relay,
      start,
      (state) => {
        const current = folderKeyAt({ keys: start.keys, state }, state.epoch);
        if (!current) throw new VaultError('corrupted', 'This device does not hold the folder’s current key yet; sync and try again.');
        try {
          return removeMemberEntry(me, state, fingerprint, current, start.applied.cursor, now);
        } finally {
          wipe(current);
        }
      },
      { remove: [handle] },
      now,
      (pending) => commitFolders(ctx.db, vault, { folders: [pending] }, now),
    );
    try {
      // Applied again with the grown log: an edit the removed person raced in may no longer count.
      const folder = (await onRelay(() => pullMessages(me, relay, appended, now, start.state))).folder;
      // The new key is in `folder.keys` already (stored as pending before the append, adopted after it).
      const delivery = keyEnvelopes(me, mine, folder, built.key, null, now);
      await commitFolders(ctx.db, vault, { folders: [delivery.folder], outbox: delivery.outbox, audit: [{ type: 'folder-member-removed', itemTitle: folder.name, party: handle }] }, now);
      return rotateNoticeFor(delivery.folder, fingerprint) ?? { handle, fingerprint, from: now, to: now, items: [] };
    } finally {
      wipe(built.key);
    }
  });
}
