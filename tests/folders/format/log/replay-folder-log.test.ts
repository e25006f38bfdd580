import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../../lib/crypto/base64';
import { FolderLogError, type FolderLogErrorReason } from '../../../../lib/folders/format/log/folder-log-error';
import { addMemberEntry } from '../../../../lib/folders/format/log/add-member-entry';
import { changeRoleEntry } from '../../../../lib/folders/format/log/change-role-entry';
import { deleteFolderEntry } from '../../../../lib/folders/format/log/delete-folder-entry';
import { leaveFolderEntry } from '../../../../lib/folders/format/log/leave-folder-entry';
import { logSubjectOf } from '../../../../lib/folders/format/log/log-subject';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { extendFolderLog, replayFolderLog } from '../../../../lib/folders/format/log/replay-folder-log';
import { rotateFolderKeyEntry } from '../../../../lib/folders/format/log/rotate-folder-key-entry';
import type { LogEntry } from '../../../../lib/folders/format/log/log-entry';
import { MAX_FOLDER_ENTRY_BYTES } from '../../../../lib/folders/format/folder-limits';
import { accessAt, endedMembers } from '../../../../lib/folders/format/log/folder-state-queries';
import { DAY, fp, NOW, person, TestFolder } from '../folder-fixtures';
import { craftEntry } from './craft-entry';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const dave = person('dave');
const relay = person('relay-operator');

/** Replaying `entries` throws FolderLogError with this reason at this seq. */
function refused(entries: readonly unknown[], reason: FolderLogErrorReason, seq?: number, genesis?: string) {
  let caught: unknown;
  try {
    replayFolderLog(entries, genesis);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FolderLogError);
  expect((caught as FolderLogError).reason).toBe(reason);
  if (seq !== undefined) expect((caught as FolderLogError).seq).toBe(seq);
}

/** alice (manager) creates; bob editor, carol viewer. */
function team() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.add(alice, carol, 'viewer');
  return folder;
}

describe('replayFolderLog: a valid log', () => {
  it('replays create, add, role, remove, rotate, leave and delete into the state they describe', () => {
    const folder = team();
    folder.add(alice, dave, 'manager');
    folder.push(changeRoleEntry(alice, folder.state, fp(carol), { role: 'editor', autofillOnly: true, accessEndsAt: NOW + DAY }, 0, NOW + 10));
    folder.push(removeMemberEntry(dave, folder.state, fp(bob), folder.key, 3, NOW + 11));
    expect(folder.state.epoch).toBe(2);
    folder.push(leaveFolderEntry(carol, folder.state, 4, NOW + 12));
    expect(folder.state.rotationNeeded).toBe(true);
    expect(folder.state.epoch).toBe(2);
    folder.push(rotateFolderKeyEntry(alice, folder.state, folder.key, 4, NOW + 13));
    expect(folder.state.rotationNeeded).toBe(false);
    expect(folder.state.epoch).toBe(3);
    folder.push(deleteFolderEntry(dave, folder.state, NOW + 14));

    const state = replayFolderLog(folder.entries, folder.state.genesis);
    expect(state).toEqual(folder.state);
    expect(state.deleted).toBe(true);
    expect(Object.keys(state.members).sort()).toEqual([fp(alice), fp(dave)].sort());
    expect(state.formerMembers[fp(bob)]).toMatchObject({ removedAt: NOW + 11, cursorAtRemoval: 3 });
    expect(state.formerMembers[fp(carol)]?.intervals.map((i) => [i.role, i.fromSeq, i.toSeq])).toEqual([
      ['viewer', 3, 5],
      ['editor', 5, 7],
    ]);
    expect(state.epochs.map((e) => [e.epoch, e.fromSeq, e.fromCursor])).toEqual([
      [1, 1, null],
      [2, 6, 3],
      [3, 8, 4],
    ]);
    expect(accessAt(state, fp(bob), 5)?.role).toBe('editor');
    expect(accessAt(state, fp(bob), 6)).toBeNull();
  });

  it('reads entries as JSON text too, and extends a state with new entries only', () => {
    const folder = team();
    const first = replayFolderLog(folder.entries.slice(0, 2).map((e) => JSON.stringify(e)));
    expect(extendFolderLog(first, folder.entries.slice(2))).toEqual(folder.state);
  });

  it('a person removed and added again keeps both stretches of access', () => {
    const folder = team();
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 5));
    folder.add(alice, bob, 'viewer', NOW + 6);
    const bobs = folder.state.members[fp(bob)]!;
    expect(bobs.intervals.map((i) => [i.role, i.fromSeq, i.toSeq])).toEqual([
      ['editor', 2, 4],
      ['viewer', 5, null],
    ]);
    expect(folder.state.formerMembers[fp(bob)]).toBeUndefined();
  });

  it('lists members whose access ended by date since the current epoch began', () => {
    const folder = team();
    folder.add(alice, dave, 'viewer', NOW + 5, { accessEndsAt: NOW + DAY });
    expect(endedMembers(folder.state, NOW + DAY - 1)).toEqual([]);
    expect(endedMembers(folder.state, NOW + DAY).map((m) => m.handle)).toEqual(['dave']);
    folder.push(rotateFolderKeyEntry(alice, folder.state, folder.key, 0, NOW + DAY + 1));
    expect(endedMembers(folder.state, NOW + DAY + 2)).toEqual([]);
  });
});

describe('replayFolderLog: chain and shape', () => {
  it('refuses an empty log, a malformed or oversized entry, and one for another folder', () => {
    refused([], 'malformed');
    const folder = team();
    refused([folder.entries[0], { ...folder.entries[1], extra: 1 }], 'malformed', 2);
    refused([folder.entries[0], '{not json'], 'malformed', 2);
    refused([folder.entries[0], 'x'.repeat(MAX_FOLDER_ENTRY_BYTES + 1)], 'malformed', 2);
    const other = new TestFolder(alice);
    const foreign = craftEntry(alice, { ...folder.state, head: folder.state.head }, { folderId: other.folderId, op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, foreign], 'wrong-folder', 4);
  });

  it('refuses a gap or a repeat in seq, and a prev that is not the hash before', () => {
    const folder = team();
    refused([folder.entries[0], folder.entries[2]], 'bad-sequence', 2);
    refused([folder.entries[0], folder.entries[1], folder.entries[1]], 'bad-sequence', 3);
    const badPrev = craftEntry(alice, folder.state, { op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null, prev: folder.state.genesis });
    refused([...folder.entries, badPrev], 'bad-prev', 4);
  });

  it('refuses a log whose entry 1 is not the pinned genesis, or is not a create by the keys it names', () => {
    const folder = team();
    const other = new TestFolder(alice);
    refused(other.entries, 'genesis-mismatch', 1, folder.state.genesis);
    // A create "by alice" naming the relay's keys: the fingerprint is not theirs.
    const fake = { ...other.entries[0]!, subject: { ...logSubjectOf(relay), handle: 'alice', fingerprint: fp(alice) } } as LogEntry;
    refused([fake], 'malformed', 1);
    refused([folder.entries[1]], 'bad-sequence', 1);
  });

  it('refuses any entry after delete', () => {
    const folder = team();
    folder.push(deleteFolderEntry(alice, folder.state, NOW + 5));
    const after = craftEntry(alice, folder.state, { op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, after], 'deleted', 5);
  });

  it('hashes over the signature: changing one byte of any entry breaks the chain after it', () => {
    const folder = team();
    const sig = Uint8Array.from(atob(folder.entries[1]!.sig), (c) => c.charCodeAt(0));
    sig[0]! ^= 1;
    refused([folder.entries[0], { ...folder.entries[1], sig: toBase64(sig) }, folder.entries[2]], 'bad-signature', 2);
  });
});

describe('replayFolderLog: who may write (T23, T05)', () => {
  it('T23: refuses a forged entry: a manager named as author, signed by another key', () => {
    const folder = team();
    const forged = craftEntry(relay, folder.state, { op: 'add', author: { handle: 'alice', fingerprint: fp(alice) }, subject: logSubjectOf(relay), role: 'manager', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, forged], 'bad-signature', 4);
  });

  it('T23/T05: refuses an entry by a key the log never named: the relay adding an escrow key or a member it made up', () => {
    const folder = team();
    const escrow = craftEntry(relay, folder.state, { op: 'add', subject: logSubjectOf(relay), role: 'viewer', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, escrow], 'not-authorised', 4);
    const madeUp = craftEntry(relay, folder.state, { op: 'add', subject: logSubjectOf(person('mallory')), role: 'manager', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, madeUp], 'not-authorised', 4);
  });

  it('T05: an escrow field the relay slips into a genuine entry makes the log refused, not the field ignored', () => {
    const folder = team();
    const withEscrow = { ...folder.entries[2]!, escrowKey: logSubjectOf(relay).encryptionKey };
    refused([folder.entries[0], folder.entries[1], withEscrow], 'malformed', 3);
    const subjectEscrow = { ...folder.entries[2]!, subject: { ...folder.entries[2]!.subject!, recoveryKey: logSubjectOf(relay).encryptionKey } };
    refused([folder.entries[0], folder.entries[1], subjectEscrow], 'malformed', 3);
  });

  it('T23: refuses add, remove, role, rotate and delete by an editor or a viewer', () => {
    const folder = team();
    for (const who of [bob, carol]) {
      const add = craftEntry(who, folder.state, { op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null });
      refused([...folder.entries, add], 'not-authorised', 4);
      const promote = craftEntry(who, folder.state, { op: 'role', subject: logSubjectOf(who), role: 'manager', autofillOnly: false, accessEndsAt: null, cursor: 0 });
      refused([...folder.entries, promote], 'not-authorised', 4);
      const remove = craftEntry(who, folder.state, { op: 'remove', subject: logSubjectOf(alice), epoch: 2, prevKeyWrap: folder.entries[0]!.prevKeyWrap ?? dummyWrap(), cursor: 0 });
      refused([...folder.entries, remove], 'not-authorised', 4);
      const rotate = craftEntry(who, folder.state, { op: 'rotate', epoch: 2, prevKeyWrap: dummyWrap(), cursor: 0 });
      refused([...folder.entries, rotate], 'not-authorised', 4);
      const del = craftEntry(who, folder.state, { op: 'delete' });
      refused([...folder.entries, del], 'not-authorised', 4);
    }
  });

  it('T23: refuses an entry by a removed manager, and by a manager whose access ended by date', () => {
    const folder = team();
    folder.add(alice, dave, 'manager');
    const beforeRemoval = folder.state;
    folder.push(removeMemberEntry(alice, folder.state, fp(dave), folder.key, 0, NOW + 5));
    const late = craftEntry(dave, folder.state, { op: 'add', subject: logSubjectOf(relay), role: 'viewer', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, late], 'not-authorised', 6);
    // Dave with an end date, writing after it.
    const timed = new TestFolder(alice);
    timed.add(alice, dave, 'manager', NOW + 1, { accessEndsAt: NOW + DAY });
    const afterEnd = craftEntry(dave, timed.state, { op: 'add', subject: logSubjectOf(relay), role: 'viewer', autofillOnly: false, accessEndsAt: null, at: NOW + DAY });
    refused([...timed.entries, afterEnd], 'not-authorised', 3);
    const beforeEnd = craftEntry(dave, timed.state, { op: 'add', subject: logSubjectOf(bob), role: 'viewer', autofillOnly: false, accessEndsAt: null, at: NOW + DAY - 1 });
    expect(() => replayFolderLog([...timed.entries, beforeEnd])).not.toThrow();
    expect(beforeRemoval.members[fp(dave)]).toBeDefined();
  });

  it('T23: a manager whose access ended cannot back-date an entry before the last one to slip under the end date', () => {
    const timed = new TestFolder(alice);
    timed.add(alice, dave, 'manager', NOW + 1, { accessEndsAt: NOW + DAY });
    timed.add(alice, bob, 'viewer', NOW + DAY + 5);
    const backDated = craftEntry(dave, timed.state, { op: 'add', subject: logSubjectOf(relay), role: 'viewer', autofillOnly: false, accessEndsAt: null, at: NOW + DAY - 1 });
    refused([...timed.entries, backDated], 'bad-time', 4);
    // A builder on a clock behind the last entry dates its entry at the last entry's time, which others accept.
    const slowClock = addMemberEntry(alice, timed.state, { identity: carol, role: 'viewer' }, NOW);
    expect(slowClock.entry.at).toBe(NOW + DAY + 5);
  });

  it('T23: the builders refuse to make what replay would refuse', () => {
    const folder = team();
    expect(() => changeRoleEntry(bob, folder.state, fp(carol), { role: 'manager', autofillOnly: false, accessEndsAt: null }, 0, NOW + 5)).toThrow(FolderLogError);
    expect(() => removeMemberEntry(alice, folder.state, fp(relay), folder.key, 0, NOW + 5)).toThrow(FolderLogError);
  });
});

describe('replayFolderLog: op rules', () => {
  it('the last manager may not leave or demote themself; with another manager they may', () => {
    const folder = team();
    expect(() => leaveFolderEntry(alice, folder.state, 0, NOW + 5)).toThrow(expect.objectContaining({ reason: 'invalid-op' }));
    expect(() => changeRoleEntry(alice, folder.state, fp(alice), { role: 'editor', autofillOnly: false, accessEndsAt: null }, 0, NOW + 5)).toThrow(
      expect.objectContaining({ reason: 'invalid-op' }),
    );
    folder.add(alice, dave, 'manager');
    folder.push(leaveFolderEntry(alice, folder.state, 0, NOW + 6));
    expect(folder.state.members[fp(alice)]).toBeUndefined();
  });

  it('a manager removes others, never themself (they leave), and cannot add a present member twice', () => {
    const folder = team();
    const self = craftEntry(alice, folder.state, { op: 'remove', subject: logSubjectOf(alice), epoch: 2, prevKeyWrap: dummyWrap(), cursor: 0 });
    refused([...folder.entries, self], 'invalid-op', 4);
    const twice = craftEntry(alice, folder.state, { op: 'add', subject: logSubjectOf(bob), role: 'manager', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, twice], 'invalid-op', 4);
  });

  it('remove and rotate must start the next epoch with a key wrap; add, role, leave and delete keep it', () => {
    const folder = team();
    const sameEpochRemove = craftEntry(alice, folder.state, { op: 'remove', subject: logSubjectOf(bob), cursor: 0 });
    refused([...folder.entries, sameEpochRemove], 'bad-epoch', 4);
    const skip = craftEntry(alice, folder.state, { op: 'rotate', epoch: 3, prevKeyWrap: dummyWrap(), cursor: 0 });
    refused([...folder.entries, skip], 'bad-epoch', 4);
    const noWrap = craftEntry(alice, folder.state, { op: 'rotate', epoch: 2, cursor: 0 });
    refused([...folder.entries, noWrap], 'bad-epoch', 4);
    const addMoves = craftEntry(alice, folder.state, { op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null, epoch: 2, prevKeyWrap: dummyWrap() });
    refused([...folder.entries, addMoves], 'bad-epoch', 4);
    const otherCommitment = craftEntry(alice, folder.state, { op: 'add', subject: logSubjectOf(dave), role: 'viewer', autofillOnly: false, accessEndsAt: null, keyCommitment: folder.state.genesis });
    refused([...folder.entries, otherCommitment], 'bad-epoch', 4);
  });

  it('remove, role, leave and rotate need a cursor; a subject must be named with the keys the log holds', () => {
    const folder = team();
    const noCursor = craftEntry(alice, folder.state, { op: 'role', subject: logSubjectOf(bob), role: 'viewer', autofillOnly: false, accessEndsAt: null });
    refused([...folder.entries, noCursor], 'malformed', 4);
    const otherKeys = { ...logSubjectOf(bob), xwingKey: logSubjectOf(carol).xwingKey };
    const swapped = craftEntry(alice, folder.state, { op: 'role', subject: otherKeys, role: 'viewer', autofillOnly: false, accessEndsAt: null, cursor: 0 });
    refused([...folder.entries, swapped], 'invalid-op', 4);
  });
});

function dummyWrap() {
  return { v: 1 as const, alg: 'xchacha20poly1305' as const, nonce: toBase64(new Uint8Array(24)), ct: toBase64(new Uint8Array(48)) };
}
