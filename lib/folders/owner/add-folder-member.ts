/**
 * A manager adds a person from their verified contacts (T01: a key never compared out of band is not given
 * a folder key) with a role, autofill-only and an end date: the `add` entry is appended with compare-and-
 * swap, then FK of the current epoch goes to the keys that entry names, by a folder-key envelope through
 * the outbox, in the same transaction as the folder record (S8).
 */
import { wipe } from '../../crypto/wipe';
import { requireRecord } from '../../sharing/store/load-sealed-records';
import { getContact } from '../../sharing/store/sharing-records';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { FolderRole } from '../format/folder-role';
import { addMemberEntry } from '../format/log/add-member-entry';
import type { FoldersContext } from '../folders-context';
import { folderKeyAt } from '../member/folder-key-at';
import { withFolderSession } from '../member/folder-session';
import { myFingerprint } from '../member/my-fingerprint';
import { commitFolders } from '../store/commit-folders';
import { onRelay } from '../member/folder-relay-failure';
import { pullMessages } from '../member/pull-messages';
import { requireActiveFolder } from '../store/require-folder';
import { appendEntry } from '../member/append-entry';
import { keyEnvelopes } from './key-envelopes';

/** Whom to add and how. */
export interface MemberRequest {
  folderId: string;
  contactId: string;
  role: FolderRole;
  autofillOnly: boolean;
  /** ms since epoch, or null for never. */
  accessEndsAt: number | null;
}

/**
 * @throws VaultError `not-found` (no such contact or folder), `forbidden` (contact not verified, I am not a
 *   manager, they are a member already), `conflict` (the log is refused or keeps changing), relay failures;
 *   nothing is stored locally unless the entry is on the relay
 */
export function addFolderMember(ctx: FoldersContext, vault: UnlockedVault, request: MemberRequest): Promise<void> {
  return withFolderSession(ctx, vault, async ({ me, relay }) => {
    const now = ctx.now();
    const { contact } = requireRecord(await getContact(ctx.db, vault, request.contactId), {
      absent: 'That contact no longer exists.',
      damaged: 'This contact’s record is damaged and cannot be opened. Your other contacts are fine.',
    });
    if (contact.state !== 'verified') throw new VaultError('forbidden', `Verify ${contact.handle}’s safety number before adding them to a folder.`);
    if (request.accessEndsAt !== null && request.accessEndsAt <= now) throw new VaultError('invalid-request', 'Choose an end date after now.');
    const start = await requireActiveFolder(ctx.db, vault, request.folderId);
    const { folder: appended } = await appendEntry(
      relay,
      start,
      (state) => addMemberEntry(me, state, { identity: contact, role: request.role, autofillOnly: request.autofillOnly, accessEndsAt: request.accessEndsAt }, now),
      { add: [{ handle: contact.handle, manager: request.role === 'manager' }] },
      now,
    );
    // Applied again with the grown log (applying depends on it), so the record stays consistent.
    const folder = (await onRelay(() => pullMessages(me, relay, appended, now, start.state))).folder;
    const key = folderKeyAt(folder, folder.state.epoch);
    if (!key) throw new VaultError('corrupted', 'This device holds no key for the folder’s current epoch; the person was added, and another manager can send them the key.');
    try {
      const delivery = keyEnvelopes(me, myFingerprint(me), folder, key, [contact.fingerprint], now);
      await commitFolders(ctx.db, vault, { folders: [delivery.folder], outbox: delivery.outbox, audit: [{ type: 'folder-member-added', itemTitle: folder.name, party: contact.handle }] }, now);
    } finally {
      wipe(key);
    }
  });
}
