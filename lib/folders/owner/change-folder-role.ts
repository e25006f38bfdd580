/**
 * A manager changes a member's role, autofill-only setting or end date: one `role` entry (no new epoch:
 * the member keeps reading what they read before), appended with compare-and-swap. Their later messages are
 * judged by the new role from the entry's cursor on (the apply rule).
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { changeRoleEntry, type RoleChange } from '../format/log/change-role-entry';
import type { FoldersContext } from '../folders-context';
import { withFolderSession } from '../member/folder-session';
import { commitFolders } from '../store/commit-folders';
import { onRelay } from '../member/folder-relay-failure';
import { pullMessages } from '../member/pull-messages';
import { requireActiveFolder } from '../store/require-folder';
import { appendEntry } from '../member/append-entry';

/**
 * @throws VaultError `not-found` (not a member), `forbidden` (not a manager, the last manager), `conflict`, relay failures
 */
export function changeFolderRole(ctx: FoldersContext, vault: UnlockedVault, folderId: string, fingerprint: string, change: RoleChange): Promise<void> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    if (change.accessEndsAt !== null && change.accessEndsAt <= now) throw new VaultError('invalid-request', 'Choose an end date after now.');
    const start = await requireActiveFolder(ctx.db, vault, folderId);
    const member = Object.hasOwn(start.state.members, fingerprint) ? start.state.members[fingerprint] : undefined;
    if (!member) throw new VaultError('not-found', 'That person is not a member of this folder.');
    const { folder: appended } = await appendEntry(
      relay,
      start,
      (state) => changeRoleEntry(me, state, fingerprint, change, start.applied.cursor, now),
      { add: [{ handle: member.handle, manager: change.role === 'manager' }] },
      now,
    );
    const folder = (await onRelay(() => pullMessages(me, relay, appended, now, start.state))).folder;
    await commitFolders(ctx.db, vault, { folders: [folder], audit: [{ type: 'folder-role-changed', itemTitle: folder.name, party: member.handle }] }, now);
  });
}
