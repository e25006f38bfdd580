/**
 * "Rotate these N passwords: <person> could read them from … to …" (issue 13): after someone is removed,
 * the logins whose current password they could have read. A password set after their access ended is not
 * listed; one set before, and unchanged since, is.
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
  const periods = accessPeriods(state).filter((p) => p.fingerprint === fingerprint);
  // The message cursor their access ended at: versions at or before it were theirs to read.
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
    const readable = periods
      .map((p) => ({ from: Math.max(p.from, setAt.at), to: p.to }))
      .filter((p): p is { from: number; to: number } => p.to !== null && p.to > p.from);
    if (!readable.length) continue;
    out.push({ itemId: item.itemId, title: current.title, urls: current.urls, from: Math.min(...readable.map((p) => p.from)), to: Math.max(...readable.map((p) => p.to)) });
  }
  return out;
}
