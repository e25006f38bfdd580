/**
 * Reads a folder's messages after the cursor from the relay and applies them with the apply rule (same
 * result on every client for the same verified log), with every epoch key this member can reach (the newest
 * it holds, and down the backward chain). When the log grew by an entry whose cursor lies before what was
 * applied (a removal racing the removed member's last edit), everything is applied again from the start.
 * Applying stops where the rule waits (a withheld head, a gap, a key not yet here) and resumes next time.
 */
import { fromBase64 } from '../../crypto/base64';
import { asKey, type FolderKey } from '../../crypto/keys';
import { wipe } from '../../crypto/wipe';
import type { RelayClient } from '../../relay-protocol/relay-client';
import { MAX_FOLDER_PAGE } from '../../relay-protocol/relay-limits';
import type { Identity } from '../../sharing/identity/identity';
import { openEpochKeys } from '../format/folder-key/open-epoch-keys';
import type { FolderState } from '../format/log/folder-state';
import { applyFolderMessages, folderNeedsReapply } from '../format/messages/apply-folder-messages';
import { emptyAppliedFolder } from '../format/messages/applied-folder';
import { myFingerprint } from './my-fingerprint';
import { withAlert } from './with-alert';
import type { StoredFolder } from '../store/stored-folder';

/** Most message pages read in one pull (500 each). */
const MAX_MESSAGE_PAGES = 20;

/** The folder with the messages applied, and the item revisions others wrote (for "delivered" receipts). */
export interface Pulled {
  folder: StoredFolder;
  changedByOthers: { itemId: string; rev: number }[];
}

/**
 * @param before - the state the folder's messages were last applied with (before this sync's log refresh)
 * @param now - ms since epoch (alert times)
 * @throws RelayError when the relay cannot be read (the folder is unchanged)
 */
export async function pullMessages(me: Identity, relay: RelayClient, folder: StoredFolder, now: number, before: FolderState = folder.state): Promise<Pulled> {
  const keys = reachableKeys(folder);
  if (keys === 'mismatch') return { folder: withAlert(folder, { kind: 'commitment-mismatch', at: now, detail: 'A folder key kept on this device does not match the membership log; messages are not applied.' }), changedByOthers: [] };
  try {
    const start = folderNeedsReapply(before, folder.state, folder.applied) ? emptyAppliedFolder() : folder.applied;
    let applied = start;
    for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
      const served = await relay.listFolderMessages(folder.folderId, { after: applied.cursor, limit: MAX_FOLDER_PAGE });
      applied = applyFolderMessages(folder.state, keys, applied, served.messages.map((m) => ({ seq: m.seq, message: m.message })));
      if (applied.waiting !== null || served.messages.length === 0 || applied.cursor >= served.head) break;
    }
    const mine = myFingerprint(me);
    const changedByOthers = Object.values(applied.items)
      .filter((item) => item.rev > start.cursor && item.author !== mine && item.item !== null)
      .map((item) => ({ itemId: item.itemId, rev: item.rev }));
    return { folder: { ...folder, applied, name: applied.name?.name ?? folder.name }, changedByOthers };
  } finally {
    for (const key of keys.values()) wipe(key);
  }
}

/** Every epoch key reachable from the newest one held, each checked against the log; 'mismatch' when one is not. */
function reachableKeys(folder: StoredFolder): Map<number, FolderKey> | 'mismatch' {
  const newest = folder.keys.filter((k) => k.epoch <= folder.state.epoch).sort((a, b) => b.epoch - a.epoch)[0];
  if (!newest) return new Map();
  try {
    return openEpochKeys(folder.state, newest.epoch, asKey<FolderKey>(fromBase64(newest.key)));
  } catch {
    return 'mismatch';
  }
}
