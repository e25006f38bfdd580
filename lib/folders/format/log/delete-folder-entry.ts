/** A manager deletes the folder: the last entry; members drop their copies, the relay its rows. */
import type { Identity } from '../../../sharing/identity/identity';
import { buildEntry, type BuiltEntry } from './build-entry';
import type { FolderState } from './folder-state';

/**
 * @param author - my identity; an active manager in `state`
 * @param state - the latest verified state
 * @param now - ms since epoch
 * @throws FolderLogError `not-authorised`
 */
export function deleteFolderEntry(author: Identity, state: FolderState, now: number): BuiltEntry {
  return buildEntry(author, state, { op: 'delete' }, now);
}
