/** A manager adds a person (a pinned, verified contact) with a role: one entry, no new epoch; then seal FK to them. */
import type { Identity, PublicIdentity } from '../../../sharing/identity/identity';
import type { FolderRole } from '../folder-role';
import { buildEntry, type BuiltEntry } from './build-entry';
import type { FolderState } from './folder-state';
import { logSubjectOf } from './log-subject';

/** Whom to add and how. */
export interface NewMember {
  /** Their pinned public identity: the keys the folder key will be sealed to (T23). */
  identity: PublicIdentity;
  role: FolderRole;
  /** Sealpass hides the password from them (fill only); default false. */
  autofillOnly?: boolean;
  /** When their access ends by itself, ms since epoch; default never. */
  accessEndsAt?: number | null;
}

/**
 * @param author - my identity; a manager in `state`
 * @param state - the latest verified state
 * @param member - who, with which role
 * @param now - ms since epoch
 * @returns the `add` entry and the state after it
 * @throws FolderLogError `not-authorised` when I am not an active manager, `invalid-op` when they are already a member
 */
export function addMemberEntry(author: Identity, state: FolderState, member: NewMember, now: number): BuiltEntry {
  return buildEntry(
    author,
    state,
    { op: 'add', subject: logSubjectOf(member.identity), role: member.role, autofillOnly: member.autofillOnly ?? false, accessEndsAt: member.accessEndsAt ?? null },
    now,
  );
}
