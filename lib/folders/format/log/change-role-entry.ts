/** A manager changes a member's role, fill-only setting or end date: one entry, no new epoch. */
import type { Identity } from '../../../sharing/identity/identity';
import type { FolderRole } from '../folder-role';
import { FolderLogError } from './folder-log-error';
import { buildEntry, type BuiltEntry } from './build-entry';
import type { FolderState } from './folder-state';
import { findMember, memberIdentity } from './folder-state-queries';
import { logSubjectOf } from './log-subject';

/** The member's access after the change. */
export interface RoleChange {
  role: FolderRole;
  autofillOnly: boolean;
  /** ms since epoch, or null for never. */
  accessEndsAt: number | null;
}

/**
 * @param author - my identity; an active manager in `state`
 * @param state - the latest verified state
 * @param fingerprint - the member's key fingerprint (base64)
 * @param change - their new access
 * @param cursor - the folder-message seq I have applied: their later messages are judged by the new role
 * @param now - ms since epoch
 * @throws FolderLogError `invalid-op` when they are not a member or are the last manager being demoted
 */
export function changeRoleEntry(author: Identity, state: FolderState, fingerprint: string, change: RoleChange, cursor: number, now: number): BuiltEntry {
  const member = Object.hasOwn(state.members, fingerprint) ? findMember(state, fingerprint) : undefined;
  if (!member) throw new FolderLogError('invalid-op', state.head.seq + 1);
  return buildEntry(author, state, { op: 'role', subject: logSubjectOf(memberIdentity(member)), ...change, cursor }, now);
}
