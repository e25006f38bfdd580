/**
 * Posts one folder message (an item revision, a receipt, the name) as this member: the log is brought up to
 * date first (a message names my verified head, T24), my role is checked as every other member will check
 * it (a viewer's edit would be ignored everywhere, so it is refused here with plain words), the content is
 * sealed under a fresh key wrapped by the current epoch's folder key and signed, and the relay numbers it.
 * Nothing is applied locally here: the caller pulls and applies the folder's messages in relay order, so
 * this client ends with the same folder as every other.
 */
import { wipe } from '../../crypto/wipe';
import type { RelayClient } from '../../relay-protocol/relay-client';
import type { Identity } from '../../sharing/identity/identity';
import { VaultError } from '../../vault/model/vault-error';
import { roleAllows, type FolderRole } from '../format/folder-role';
import { accessEndedAt } from '../format/log/folder-state-queries';
import type { FolderMessageContentInput } from '../format/messages/folder-message';
import { sealFolderMessage } from '../format/messages/seal-folder-message';
import type { StoredFolder } from '../store/stored-folder';
import { folderKeyAt } from './folder-key-at';
import { onRelay } from './folder-relay-failure';
import { myFingerprint } from './my-fingerprint';
import { refreshLog } from './refresh-log';

/** The least role each message kind needs (the apply rule's). */
const NEEDED: Record<FolderMessageContentInput['kind'], FolderRole> = { item: 'editor', meta: 'manager', receipt: 'viewer', receipts: 'viewer' };

/**
 * @param now - ms since epoch
 * @returns the folder with its log refreshed, and the relay's seq for the message
 * @throws VaultError `forbidden` (my role does not allow it, or my access ended), `conflict` (the log the relay
 *   serves is refused), `corrupted` (no key for the current epoch here yet), relay failures (nothing posted)
 */
export async function postFolderMessage(me: Identity, relay: RelayClient, start: StoredFolder, content: FolderMessageContentInput, now: number): Promise<{ folder: StoredFolder; seq: number }> {
  const refreshed = await onRelay(() => refreshLog(relay, start, now));
  if (refreshed.problem) throw new VaultError('conflict', 'The membership log the relay serves for this folder does not match what this device verified. Nothing was sent; see the folder’s alerts.');
  const folder = refreshed.folder;
  const mine = Object.hasOwn(folder.state.members, myFingerprint(me)) ? folder.state.members[myFingerprint(me)] : undefined;
  if (folder.state.deleted || !mine || accessEndedAt(mine.accessEndsAt, now)) throw new VaultError('forbidden', 'You are no longer a member of this folder.');
  if (!roleAllows(mine.role, NEEDED[content.kind])) throw new VaultError('forbidden', content.kind === 'meta' ? 'Only a manager can rename this folder.' : 'Viewers cannot add, change or delete items in this folder.');
  const key = folderKeyAt(folder, folder.state.epoch);
  if (!key) throw new VaultError('corrupted', 'This device does not hold the folder’s current key yet. Sync and try again.');
  try {
    const message = sealFolderMessage(me, folder.state, key, content);
    const { seq } = await onRelay(() => relay.postFolderMessage(folder.folderId, { id: message.id, message: JSON.stringify(message) }));
    return { folder, seq };
  } finally {
    wipe(key);
  }
}
