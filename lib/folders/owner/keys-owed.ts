/**
 * Which members this manager still owes the current folder key: those it added, or (when it started the
 * current epoch) those who were members before, who have not had that epoch's key from this device. Normally
 * none: the key goes out with the entry. A device that failed after the relay took its entry (a lost answer,
 * a crash) sends them at its next sync, so nobody is left without the key of an epoch they belong to.
 */
import { epochInfo } from '../format/log/folder-state-queries';
import { storedEntry } from '../store/stored-entry';
import type { StoredFolder } from '../store/stored-folder';

/** @returns the fingerprints owed the key of `folder.state.epoch` by `mine` (empty when I am not a manager) */
export function keysOwed(folder: StoredFolder, mine: string): string[] {
  const { state } = folder;
  if (state.members[mine]?.role !== 'manager') return [];
  const sent = new Set(folder.keysSent.filter((s) => s.epoch === state.epoch).map((s) => s.fingerprint));
  const authorOf = (seq: number) => {
    const text = folder.log[seq - 1];
    return text === undefined ? null : storedEntry(text).author.fingerprint;
  };
  const start = epochInfo(state, state.epoch)?.fromSeq ?? 1;
  const startedByMe = authorOf(start) === mine;
  return Object.values(state.members)
    .filter((member) => {
      if (member.fingerprint === mine || sent.has(member.fingerprint)) return false;
      const joined = member.intervals.at(-1)?.fromSeq ?? 1;
      return joined <= start ? startedByMe : authorOf(joined) === mine;
    })
    .map((member) => member.fingerprint);
}
