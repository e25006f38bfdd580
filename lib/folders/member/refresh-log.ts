/**
 * Brings a folder's verified log up to date with the relay (T24): reads from the last verified head on
 * (that entry again, which must be the same text: else the relay forked the log), refuses a log shorter
 * than the head (rollback), and extends the state entry by entry with the replay rules (an entry the rules
 * refuse stops the refresh: nothing after it counts). What goes wrong becomes an alert on the folder, shown
 * in its view; nothing is repaired silently, and the state stays at the last verified head.
 */
import type { RelayClient } from '../../relay-protocol/relay-client';
import { MAX_FOLDER_PAGE } from '../../relay-protocol/relay-limits';
import { FolderLogError } from '../format/log/folder-log-error';
import { extendFolderLog } from '../format/log/replay-folder-log';
import { epochInfo } from '../format/log/folder-state-queries';
import type { FolderAlert, StoredFolder } from '../store/stored-folder';
import { withAlert } from './with-alert';

/** Most log pages read in one refresh (500 entries each). */
const MAX_LOG_PAGES = 20;

/** The folder after the refresh, and whether the relay says it was deleted. */
export interface LogRefresh {
  folder: StoredFolder;
  /** New entries taken in. */
  added: number;
  /** The relay marks the folder deleted (the signed `delete` entry, if served, is in the state). */
  relayDeleted: boolean;
  /** Set when the served log was refused: fork, rollback or an entry the rules refuse. */
  problem: FolderAlert['kind'] | null;
}

/**
 * @param now - ms since epoch (alert times)
 * @throws RelayError when the relay cannot be reached or refuses (the folder is unchanged)
 */
export async function refreshLog(relay: RelayClient, folder: StoredFolder, now: number): Promise<LogRefresh> {
  const { folderId } = folder;
  let state = folder.state;
  const log = [...folder.log];
  let after = state.head.seq - 1;
  let relayDeleted = false;
  for (let page = 0; page < MAX_LOG_PAGES; page++) {
    const served = await relay.listFolderLog(folderId, { after, limit: MAX_FOLDER_PAGE });
    relayDeleted = served.deleted;
    if (served.head < folder.state.head.seq) return refused(folder, log, state, 'rollback', `The relay served ${served.head} membership entries; this device had verified ${folder.state.head.seq}.`, now, relayDeleted);
    const entries = [...served.entries];
    if (page === 0) {
      const first = entries.shift();
      if (!first || first.seq !== state.head.seq) return refused(folder, log, state, 'rollback', 'The relay did not serve the last membership entry this device verified.', now, relayDeleted);
      if (first.entry !== log[state.head.seq - 1]) return refused(folder, log, state, 'fork', `The relay served another membership entry ${first.seq} than the one this device verified.`, now, relayDeleted);
    }
    for (const { seq, entry } of entries) {
      if (seq !== state.head.seq + 1) return refused(folder, log, state, 'refused-entry', `The relay skipped membership entry ${state.head.seq + 1}.`, now, relayDeleted);
      try {
        state = extendFolderLog(state, [entry]);
      } catch (error) {
        if (!(error instanceof FolderLogError)) throw error;
        const kind = error.reason === 'bad-prev' ? 'fork' : 'refused-entry';
        return refused(folder, log, state, kind, `Membership entry ${seq} was refused (${error.reason}); the entries before it stand.`, now, relayDeleted);
      }
      log.push(entry);
    }
    const last = served.entries.at(-1)?.seq ?? after;
    if (last >= served.head || served.entries.length === 0) break;
    after = last;
  }
  return { folder: settlePendingKey({ ...folder, state, log }), added: log.length - folder.log.length, relayDeleted, problem: null };
}

/**
 * A key made for an entry this device was appending: adopted when the log now commits to it at its epoch, dropped
 * when the log reached that epoch with another key (the entry lost a race), kept while the log is behind it.
 */
export function settlePendingKey(folder: StoredFolder): StoredFolder {
  const pending = folder.pendingKey;
  if (!pending || folder.state.epoch < pending.epoch) return folder;
  const committed = epochInfo(folder.state, pending.epoch)?.keyCommitment === pending.commitment;
  const keys = committed && !folder.keys.some((k) => k.epoch === pending.epoch) ? [...folder.keys, { epoch: pending.epoch, key: pending.key }] : folder.keys;
  return { ...folder, keys, pendingKey: null };
}

function refused(folder: StoredFolder, log: string[], state: StoredFolder['state'], kind: FolderAlert['kind'], detail: string, now: number, relayDeleted: boolean): LogRefresh {
  return { folder: withAlert({ ...folder, state, log }, { kind, at: now, detail }), added: log.length - folder.log.length, relayDeleted, problem: kind };
}
