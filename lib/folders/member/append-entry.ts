/**
 * Appends one membership entry with compare-and-swap (the relay stores it only at the next seq): the log is
 * brought up to date first, the entry is built and signed on the latest verified state, and on a conflict
 * (another manager appended meanwhile) the log is read again and the entry rebuilt on it, a few times.
 * A served log that fails the checks (fork, rollback, a refused entry) stops the operation: nothing is
 * appended to a log this client cannot verify (T24).
 */
import { wipe } from '../../crypto/wipe';
import type { FolderAccess } from '../../relay-protocol/folder-schemas';
import type { RelayClient } from '../../relay-protocol/relay-client';
import { VaultError } from '../../vault/model/vault-error';
import { FolderKeyError } from '../format/keys/folder-key-error';
import type { BuiltEntry, RotatedEntry } from '../format/log/build-entry';
import type { FolderState } from '../format/log/folder-state';
import { FolderLogError } from '../format/log/folder-log-error';
import { onRelay } from './folder-relay-failure';
import type { StoredFolder } from '../store/stored-folder';
import { refreshLog, settlePendingKey } from './refresh-log';
import { toBase64 } from '../../crypto/base64';

/** Attempts before giving up when other managers keep appending first. */
export const MAX_APPEND_ATTEMPTS = 5;

/** The folder with the entry appended (state, head and log moved on), and what the builder returned. */
export interface Appended<B extends BuiltEntry> {
  folder: StoredFolder;
  built: B;
}

/**
 * @param build - builds and signs the entry on a verified state (it may throw FolderLogError/FolderKeyError)
 * @param access - the clear hint for the relay's access list (a nuisance filter there; clients verify)
 * @param now - ms since epoch
 * @param persist - stores the folder (with the pending key) before an entry that starts a new epoch is sent
 * @throws VaultError `conflict` (log refused, or still conflicting after MAX_APPEND_ATTEMPTS), `forbidden`
 *   (the rules refuse the entry: not a manager, the last manager), or what the relay's failure maps to
 */
export async function appendEntry<B extends BuiltEntry>(
  relay: RelayClient,
  start: StoredFolder,
  build: (state: FolderState) => B,
  access: FolderAccess | undefined,
  now: number,
  persist?: (folder: StoredFolder) => Promise<void>,
): Promise<Appended<B>> {
  let folder = start;
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
    const refresh = await onRelay(() => refreshLog(relay, folder, now));
    if (refresh.problem) throw new VaultError('conflict', 'The membership log the relay serves for this folder does not match what this device verified. Nothing was changed; see the folder’s alerts.');
    folder = refresh.folder;
    const built = buildOrRefuse(build, folder.state);
    const text = JSON.stringify(built.entry);
    // A new epoch's key is stored before the entry that commits to it can reach the relay (see pendingKey).
    if ('key' in built && persist) {
      folder = { ...folder, pendingKey: { epoch: built.state.epoch, key: toBase64(built.key as Uint8Array), commitment: built.state.keyCommitment } };
      try {
        await persist(folder);
      } catch (error) {
        forget(built);
        throw error;
      }
    }
    let result;
    try {
      result = await onRelay(() => relay.appendFolderLog(folder.folderId, { seq: built.entry.seq, entry: text, ...(access ? { access } : {}) }));
    } catch (error) {
      forget(built);
      throw error;
    }
    if ('ok' in result) return { folder: settlePendingKey({ ...folder, state: built.state, log: [...folder.log, text] }), built };
    forget(built);
  }
  throw new VaultError('conflict', 'Other managers kept changing this folder at the same time. Nothing was changed; try again.');
}

function buildOrRefuse<B extends BuiltEntry>(build: (state: FolderState) => B, state: FolderState): B {
  try {
    return build(state);
  } catch (error) {
    if (error instanceof FolderLogError) throw new VaultError('forbidden', refusalWords(error));
    if (error instanceof FolderKeyError) throw new VaultError('corrupted', 'This device’s key for the folder does not match the folder’s membership log; nothing was changed.');
    throw error;
  }
}

function refusalWords(error: FolderLogError): string {
  if (error.reason === 'not-authorised') return 'Only a manager of this folder can do that.';
  if (error.reason === 'invalid-op') return 'That is not possible in this folder now (already a member, not a member, or the last manager).';
  if (error.reason === 'deleted') return 'This folder was deleted.';
  return 'The folder’s membership log refuses this change.';
}

/** A rotated entry that was not stored: its fresh key is wiped (S3). */
function forget(built: BuiltEntry | RotatedEntry): void {
  if ('key' in built) wipe(built.key);
}
