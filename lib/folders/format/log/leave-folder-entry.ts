/**
 * A member leaves. No new epoch (the leaver would know any key they made); the state then says
 * `rotationNeeded` until a manager rotates.
 */
import type { Identity } from '../../../sharing/identity/identity';
import { buildEntry, type BuiltEntry } from './build-entry';
import type { FolderState } from './folder-state';

/**
 * @param me - my identity; a member in `state`
 * @param state - the latest verified state
 * @param cursor - the folder-message seq I have applied
 * @param now - ms since epoch
 * @throws FolderLogError `not-authorised` when I am not a member, `invalid-op` when I am the last manager
 */
export function leaveFolderEntry(me: Identity, state: FolderState, cursor: number, now: number): BuiltEntry {
  return buildEntry(me, state, { op: 'leave', cursor }, now);
}
