/** One folder record for an operation that cannot go on without it, with plain words when it is absent or damaged (S8). */
import type { VaultDb } from '../../db/vault-db';
import { requireRecord } from '../../sharing/store/load-sealed-records';
import { VaultError } from '../../vault/model/vault-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { getFolder } from './folder-records';
import type { StoredFolder } from './stored-folder';

/**
 * @throws VaultError `not-found` when this vault has no such folder, `corrupted` when its record does not open
 */
export async function requireFolder(db: VaultDb, vault: UnlockedVault, folderId: string): Promise<StoredFolder> {
  return requireRecord(await getFolder(db, vault, folderId), {
    absent: 'This shared folder is not in your vault.',
    damaged: 'This shared folder’s record in your vault is damaged and cannot be opened; your other folders and items are not affected.',
  });
}

/**
 * The folder, for an operation that changes it: refused once I left, was removed, my access ended or it was deleted.
 * @throws VaultError as requireFolder; `forbidden` when the folder is no longer active for me
 */
export async function requireActiveFolder(db: VaultDb, vault: UnlockedVault, folderId: string): Promise<StoredFolder> {
  const folder = await requireFolder(db, vault, folderId);
  if (folder.status !== 'member') throw new VaultError('forbidden', 'You are no longer a member of this folder; it is kept read-only.');
  if (folder.createPending) throw new VaultError('conflict', 'The relay has not confirmed this new folder yet. Sync, then try again.');
  return folder;
}
