/**
 * "Rotate these N passwords: <person> could read them from … to …" (issue 13): after someone is removed,
 * the logins whose current password they could have read. Whoever held a folder key at any moment, even
 * for 0 ms (added and removed in one millisecond), could open every message of that epoch and, down the
 * key chain, of every older one: so a password counts when the message that set it came at or before the
 * removal's cursor in relay order (the apply rule refuses anything after it under the old key), whatever
 * its author's clock says. One set after (under the new key) is not listed; one set before, and unchanged
 * since, is.
 */
import type { FolderState } from '../log/folder-state';
import { findMember } from '../log/folder-state-queries';
import type { AppliedFolder } from '../messages/applied-folder';
import { accessPeriods } from './build-access-record';

/** One password to change. */
export interface PasswordToRotate {
  itemId: string;
  title: string;
  /** The login's sites, for the change-password links. */
  urls: string[];
  /** When the person could first read this password, ms since epoch. */
  from: number;
  /** When their access ended. */
  to: number;
}

/**
 * @param state - the verified log
 * @param folder - the applied folder
 * @param fingerprint - the person (a former member, or one whose access ended by date)
 * @returns the logins to change, in item order; empty when they never had access or nothing they read is current
 */
export function listPasswordsToRotate(state: FolderState, folder: Pick<AppliedFolder, 'items'>, fingerprint: string): PasswordToRotate[] {
  const member = findMember(state, fingerprint);
  if (!member) return [];
  // Only ended periods: for someone who still has access there is nothing to rotate yet.
  const ended = accessPeriods(state).filter((p): p is typeof p & { to: number } => p.fingerprint === fingerprint && p.to !== null);
  if (!ended.length) return [];
  const first = Math.min(...ended.map((p) => p.from));
  const last = Math.max(...ended.map((p) => p.to));
  // The message cursor their access ended at: versions at or before it were theirs to read. Without a
  // removal (access ended by date, no rotation yet) they still hold the current key: every version.
  const cursor = member.cursorAtRemoval ?? Number.MAX_SAFE_INTEGER;
  const out: PasswordToRotate[] = [];
  for (const item of Object.values(folder.items).sort((a, b) => a.createdRev - b.createdRev)) {
    const current = item.item;
    if (current === null || current.type !== 'login' || current.password === '') continue;
    // The version that set the current password: walk back while the password stays the same.
    let setAt = { rev: item.rev, at: item.at };
    for (const old of [...item.history].reverse()) {
      if (old.item?.type !== 'login' || old.item.password !== current.password) break;
      setAt = { rev: old.rev, at: old.at };
    }
    if (setAt.rev > cursor) continue;
    // From when it was set (or they came), never after their access ended: clocks differ, relay order decides.
    out.push({ itemId: item.itemId, title: current.title, urls: current.urls, from: Math.min(Math.max(first, setAt.at), last), to: last });
  }
  return out;
}
