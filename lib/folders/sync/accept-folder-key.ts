/**
 * A folder-key envelope from the mailbox (routed from sharing's sync through the composition root), already
 * opened with the sender's PINNED keys. It counts only if the folder's log, read from the relay and verified
 * from the genesis the envelope names (or from this vault's verified head, for a folder it knows), reaches the
 * envelope's head, the sender is an active manager there, I am a member there under my own key fingerprint
 * with access not ended, and the key matches the log's commitment for its epoch (T03, T05, T23, T24). Anything
 * else is refused for good and noted on the folder if this vault has it; a head beyond the served log
 * (withheld) or a relay that cannot be read leaves the envelope in the mailbox for the next sync.
 */
import { wipe } from '../../crypto/wipe';
import { RelayError } from '../../relay-protocol/relay-error';
import type { RelayClient } from '../../relay-protocol/relay-client';
import { MAX_FOLDER_PAGE } from '../../relay-protocol/relay-limits';
import type { FolderKeyDelivery, FolderKeyOutcome } from '../../sharing/sync/sharing-hooks';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { acceptFolderKeyEnvelope } from '../format/folder-key/accept-folder-key';
import { FolderKeyError, type FolderKeyErrorReason } from '../format/keys/folder-key-error';
import { FolderLogError } from '../format/log/folder-log-error';
import { replayFolderLog } from '../format/log/replay-folder-log';
import type { FoldersContext } from '../folders-context';
import { refreshLog } from '../member/refresh-log';
import { withAlert } from '../member/with-alert';
import { commitFolders } from '../store/commit-folders';
import { getFolder } from '../store/folder-records';
import { newStoredFolder } from '../store/new-stored-folder';
import type { FolderAlert, StoredFolder } from '../store/stored-folder';

/** Most log pages read for a folder this vault does not know yet (500 entries each: the relay's 10,000). */
const MAX_NEW_LOG_PAGES = 20;

/**
 * @returns `done` (taken, or refused for good), `retry` (the relay could not be read, or withholds entries)
 */
export async function acceptFolderKey(ctx: FoldersContext, delivery: FolderKeyDelivery): Promise<FolderKeyOutcome> {
  const { vault, envelope, sender, me, relay, at } = delivery;
  const body = envelope.body;
  if (body.kind !== 'folder-key') return 'done';
  const known = await getFolder(ctx.db, vault, body.folderId);
  // A damaged record is neither replaced nor applied over (S8); it is reported where folders are listed.
  if (known.state === 'damaged') return 'done';
  let folder: StoredFolder;
  try {
    if (known.state === 'found') {
      if (known.record.state.genesis !== body.genesis) return refuse(ctx, vault, known.record, 'refused-key', `A folder key from ${sender.contact.handle} names another folder history (genesis).`, at);
      const refreshed = await refreshLog(relay, known.record, at);
      if (refreshed.problem) {
        await commitFolders(ctx.db, vault, { folders: [refreshed.folder] }, at);
        return 'done';
      }
      folder = refreshed.folder;
    } else {
      const log = await readWholeLog(relay, body.folderId);
      folder = newStoredFolder(replayFolderLog(log, body.genesis), log, body.name.trim() || 'Shared folder', 'member');
    }
  } catch (error) {
    if (error instanceof RelayError) return 'retry';
    if (error instanceof FolderLogError) return 'done';
    throw error;
  }
  let accepted;
  try {
    accepted = acceptFolderKeyEnvelope(envelope, me, folder.state);
  } catch (error) {
    if (!(error instanceof FolderKeyError)) throw error;
    if (error.reason === 'withheld') return 'retry';
    if (known.state === 'found') return refuse(ctx, vault, folder, ALERT_OF[error.reason], `A folder key from ${sender.contact.handle} was refused (${error.reason}).`, at);
    return 'done';
  }
  wipe(accepted.key);
  const keys = [...folder.keys.filter((k) => k.epoch !== body.epoch), { epoch: body.epoch, key: body.key }].sort((a, b) => a.epoch - b.epoch);
  const joined = known.state !== 'found' || known.record.status !== 'member';
  await commitFolders(
    ctx.db,
    vault,
    { folders: [{ ...folder, keys, status: 'member' }], audit: joined ? [{ type: 'folder-joined', itemTitle: folder.name, party: sender.contact.handle }] : [] },
    at,
  );
  return 'done';
}

/** The folder alert a refused key becomes. */
const ALERT_OF: Record<FolderKeyErrorReason, FolderAlert['kind']> = {
  'not-folder-key': 'refused-key',
  'wrong-folder': 'refused-key',
  'wrong-epoch': 'refused-key',
  'genesis-mismatch': 'fork',
  fork: 'fork',
  withheld: 'withheld',
  'not-manager': 'refused-key',
  'not-member': 'refused-key',
  'to-myself': 'refused-key',
  'commitment-mismatch': 'commitment-mismatch',
};

async function refuse(ctx: FoldersContext, vault: UnlockedVault, folder: StoredFolder, kind: FolderAlert['kind'], detail: string, at: number): Promise<FolderKeyOutcome> {
  await commitFolders(ctx.db, vault, { folders: [withAlert(folder, { kind, at, detail })] }, at);
  return 'done';
}

/** Every entry of a folder's log from seq 1, as served. @throws RelayError */
async function readWholeLog(relay: RelayClient, folderId: string): Promise<string[]> {
  const log: string[] = [];
  for (let page = 0; page < MAX_NEW_LOG_PAGES; page++) {
    const served = await relay.listFolderLog(folderId, { after: log.length, limit: MAX_FOLDER_PAGE });
    for (const { seq, entry } of served.entries) if (seq === log.length + 1) log.push(entry);
    if (served.entries.length === 0 || log.length >= served.head) break;
  }
  return log;
}
