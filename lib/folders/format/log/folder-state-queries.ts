/**
 * Questions asked of a verified FolderState: what role someone held at a given log position, which epoch
 * was current there, whether access has ended by date. The apply rule, the folder-key envelope checks and
 * the access record all ask them, so they answer alike everywhere.
 */
import { fromBase64 } from '../../../crypto/base64';
import type { PublicIdentity } from '../../../sharing/identity/identity';
import type { FolderRole } from '../folder-role';
import type { AccessInterval, EpochInfo, FolderMember, FolderState } from './folder-state';

/** A person's access at one log position. */
export interface AccessAt {
  role: FolderRole;
  autofillOnly: boolean;
  accessEndsAt: number | null;
}

/** The present or former member with this fingerprint, or undefined when the log never named them. */
export function findMember(state: FolderState, fingerprint: string): FolderMember | undefined {
  return Object.hasOwn(state.members, fingerprint) ? state.members[fingerprint] : Object.hasOwn(state.formerMembers, fingerprint) ? state.formerMembers[fingerprint] : undefined;
}

/**
 * @param seq - a log position, 1..head.seq: the state right after entry `seq`
 * @returns the interval in force there, or undefined when the person had no access then
 */
export function intervalAt(member: FolderMember, seq: number): AccessInterval | undefined {
  return member.intervals.find((i) => i.fromSeq <= seq && (i.toSeq === null || seq < i.toSeq));
}

/**
 * What access `fingerprint` had right after entry `seq`, ignoring dates (see accessEndedAt).
 * @returns null when they were not a member there
 */
export function accessAt(state: FolderState, fingerprint: string, seq: number): AccessAt | null {
  const member = findMember(state, fingerprint);
  const interval = member && intervalAt(member, seq);
  return interval ? { role: interval.role, autofillOnly: interval.autofillOnly, accessEndsAt: interval.accessEndsAt } : null;
}

/** True when access with this end date has ended at `at` (ms since epoch). */
export function accessEndedAt(accessEndsAt: number | null, at: number): boolean {
  return accessEndsAt !== null && accessEndsAt <= at;
}

/**
 * @param seq - a log position, 1..head.seq
 * @returns the epoch current right after entry `seq`
 * @throws RangeError outside 1..head.seq
 */
export function epochAt(state: FolderState, seq: number): EpochInfo {
  if (!Number.isInteger(seq) || seq < 1 || seq > state.head.seq) throw new RangeError('epochAt: seq outside the log');
  let found = state.epochs[0]!;
  for (const info of state.epochs) if (info.fromSeq <= seq) found = info;
  return found;
}

/** The epoch's record, or undefined when the log has no such epoch. */
export function epochInfo(state: FolderState, epoch: number): EpochInfo | undefined {
  return state.epochs.find((e) => e.epoch === epoch);
}

/** A member's keys as a PublicIdentity (bytes), for sealing an envelope to them or checking a signature. */
export function memberIdentity(member: FolderMember): PublicIdentity {
  const keys = { handle: member.handle, encryptionKey: fromBase64(member.keys.encryptionKey), signingKey: fromBase64(member.keys.signingKey) };
  return member.keys.xwingKey === undefined ? keys : { ...keys, xwingKey: fromBase64(member.keys.xwingKey) };
}

/**
 * Members now whose access ended by date at `now` and who held the current epoch's key: a manager should
 * remove them (which rotates); until then what is written stays readable to them.
 */
export function endedMembers(state: FolderState, now: number): FolderMember[] {
  const current = epochInfo(state, state.epoch)!;
  return Object.values(state.members).filter((m) => m.accessEndsAt !== null && m.accessEndsAt <= now && m.accessEndsAt > current.fromAt);
}
