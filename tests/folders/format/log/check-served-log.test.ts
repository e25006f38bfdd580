import { describe, expect, it } from 'vitest';
import { checkSenderHead, checkServedLog, type KnownHead } from '../../../../lib/folders/format/log/check-served-log';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { replayFolderLog } from '../../../../lib/folders/format/log/replay-folder-log';
import { changeRoleEntry } from '../../../../lib/folders/format/log/change-role-entry';
import { fp, NOW, person, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');

/** alice manager, bob editor, carol viewer; the client knew the head after bob's removal. */
function scene() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.add(alice, carol, 'viewer');
  const beforeRemoval = [...folder.entries];
  folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 10));
  const known: KnownHead = { genesis: folder.state.genesis, head: folder.state.head };
  return { folder, beforeRemoval, known };
}

describe('checkServedLog (T24)', () => {
  it('accepts the same log, or one that grew from the known head', () => {
    const { folder, known } = scene();
    expect(checkServedLog(null, folder.state)).toBe('ok');
    expect(checkServedLog(known, folder.state)).toBe('ok');
    folder.push(changeRoleEntry(alice, folder.state, fp(carol), { role: 'editor', autofillOnly: false, accessEndsAt: null }, 0, NOW + 11));
    expect(checkServedLog(known, replayFolderLog(folder.entries, known.genesis))).toBe('ok');
  });

  it('T24: a rolled-back log (the removal withheld, bob kept) is detected', () => {
    const { beforeRemoval, known } = scene();
    const served = replayFolderLog(beforeRemoval, known.genesis);
    expect(served.members[fp(bob)]).toBeDefined();
    expect(checkServedLog(known, served)).toBe('rollback');
  });

  it('T24: a forked log (another entry at the known seq: a role change instead of the removal) is detected', () => {
    const { beforeRemoval, known } = scene();
    const fork = new TestFolder(alice);
    fork.entries = [...beforeRemoval];
    fork.state = replayFolderLog(beforeRemoval);
    fork.push(changeRoleEntry(alice, fork.state, fp(bob), { role: 'manager', autofillOnly: false, accessEndsAt: null }, 0, NOW + 10));
    expect(fork.state.head.seq).toBe(known.head.seq);
    expect(checkServedLog(known, fork.state)).toBe('fork');
  });

  it('T24: another folder served under this one’s id (another genesis) is a fork', () => {
    const { known } = scene();
    const other = new TestFolder(alice);
    expect(checkServedLog(known, other.state)).toBe('fork');
  });
});

describe('checkSenderHead (T24)', () => {
  it('a head in my log is ok; beyond it is withheld; at a seq I have with another hash is a fork', () => {
    const { folder, beforeRemoval } = scene();
    const mine = replayFolderLog(beforeRemoval);
    expect(checkSenderHead(mine, mine.head)).toBe('ok');
    expect(checkSenderHead(mine, { seq: 1, hash: mine.genesis })).toBe('ok');
    expect(checkSenderHead(mine, folder.state.head)).toBe('withheld');
    expect(checkSenderHead(folder.state, { seq: 2, hash: folder.state.genesis })).toBe('fork');
  });
});
