/** A folder record as it starts: a verified state and its log, no keys, no items, nothing applied yet. */
import type { FolderState } from '../format/log/folder-state';
import { emptyAppliedFolder } from '../format/messages/applied-folder';
import type { StoredFolder } from './stored-folder';

/**
 * @param log - the JSON text of each entry up to the state's head, as the relay served (or took) it
 */
export function newStoredFolder(state: FolderState, log: string[], name: string, status: StoredFolder['status']): StoredFolder {
  return {
    folderId: state.folderId,
    name,
    status,
    state,
    log,
    keys: [],
    pendingKey: null,
    applied: emptyAppliedFolder(),
    alerts: [],
    keysSent: [],
    rotateDismissed: [],
    receiptQueue: [],
    createPending: false,
    syncedAt: null,
  };
}
