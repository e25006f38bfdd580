/**
 * A manager removes someone: the `remove` entry starts epoch e+1 with a fresh FK and FK_e wrapped under it,
 * so whatever is written from now on opens only for those the new key is sealed to.
 */
import type { FolderKey } from '../../../crypto/keys';
import type { Identity } from '../../../sharing/identity/identity';
import { FolderLogError } from './folder-log-error';
import { buildRotatingEntry, type RotatedEntry } from './build-entry';
import type { FolderState } from './folder-state';
import { logSubjectOf } from './log-subject';
import { findMember, memberIdentity } from './folder-state-queries';

/**
 * @param author - my identity; an active manager in `state`, not the person removed (a manager leaves with leaveFolderEntry)
 * @param state - the latest verified state
 * @param fingerprint - the member's key fingerprint (base64)
 * @param currentKey - FK of the current epoch (checked against the log's commitment)
 * @param cursor - the folder-message seq I have applied: their messages after it no longer count
 * @param now - ms since epoch
 * @returns the entry, the state after it, and the new epoch's key to seal to each remaining member
 * @throws FolderLogError `invalid-op` when they are not a member; FolderKeyError `commitment-mismatch` for a wrong key
 */
export function removeMemberEntry(author: Identity, state: FolderState, fingerprint: string, currentKey: FolderKey, cursor: number, now: number): RotatedEntry {
  const member = Object.hasOwn(state.members, fingerprint) ? findMember(state, fingerprint) : undefined;
  if (!member) throw new FolderLogError('invalid-op', state.head.seq + 1);
  return buildRotatingEntry(author, state, { op: 'remove', subject: logSubjectOf(memberIdentity(member)), cursor }, currentKey, now);
}
