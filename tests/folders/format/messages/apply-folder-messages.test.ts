/**
 * applyFolderMessages: the apply rule every member runs. The attacks and failures: a viewer's edit (ignored
 * and reported), a removed member writing with an old head or reading what came after (T23, T24), a relay
 * that forks, withholds or drops messages (T24), replays (duplicates), forgeries; and convergence: three
 * replicas applying the same relay order end identical, concurrent edits of one item included, no revision lost.
 */
import { describe, expect, it } from 'vitest';
import type { FolderKey } from '../../../../lib/crypto/keys';
import { openEpochKeys } from '../../../../lib/folders/format/folder-key/open-epoch-keys';
import { changeRoleEntry } from '../../../../lib/folders/format/log/change-role-entry';
import type { FolderState } from '../../../../lib/folders/format/log/folder-state';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { replayFolderLog } from '../../../../lib/folders/format/log/replay-folder-log';
import { emptyAppliedFolder, type AppliedFolder } from '../../../../lib/folders/format/messages/applied-folder';
import { applyFolderMessages, folderNeedsReapply } from '../../../../lib/folders/format/messages/apply-folder-messages';
import type { FolderMessage, FolderMessageContentInput, NumberedFolderMessage } from '../../../../lib/folders/format/messages/folder-message';
import { openFolderMessage } from '../../../../lib/folders/format/messages/open-folder-message';
import { sealFolderMessage } from '../../../../lib/folders/format/messages/seal-folder-message';
import { signReceiptStatement } from '../../../../lib/folders/format/messages/sign-receipt';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { DAY, fp, NOW, person, sampleLogin, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const dave = person('dave');

/** The relay's message list: seq in order of arrival. */
class Relay {
  list: NumberedFolderMessage[] = [];
  post(message: FolderMessage | unknown): number {
    this.list.push({ seq: this.list.length + 1, message: JSON.parse(JSON.stringify(message)) });
    return this.list.length;
  }
}

const item = (itemId: string, password: string, baseRev = 0, title = itemId): FolderMessageContentInput => ({ kind: 'item', itemId, baseRev, item: sampleLogin(password, title), at: NOW + 1 });

function write(author: Identity, folder: TestFolder, content: FolderMessageContentInput, state: FolderState = folder.state, key: FolderKey = folder.keys.get(state.epoch)!) {
  return sealFolderMessage(author, state, key, content);
}

/** alice manager, bob editor, carol viewer. */
function team() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.add(alice, carol, 'viewer');
  return folder;
}

function apply(folder: TestFolder, relay: Relay, from: AppliedFolder = emptyAppliedFolder(), state = folder.state, keys: ReadonlyMap<number, FolderKey> = folder.keys) {
  return applyFolderMessages(state, keys, from, relay.list);
}

describe('applyFolderMessages: roles', () => {
  it('applies an editor’s new item and a manager’s name; a viewer’s edit is ignored and reported', () => {
    const folder = team();
    const relay = new Relay();
    relay.post(write(bob, folder, item('db', 'one')));
    relay.post(write(alice, folder, { kind: 'meta', name: 'Ops', at: NOW }));
    relay.post(write(carol, folder, item('db', 'viewer-was-here', 1)));
    relay.post(write(bob, folder, { kind: 'meta', name: 'Bob’s now', at: NOW }));
    const applied = apply(folder, relay);
    expect(applied.cursor).toBe(4);
    expect(applied.items.db?.item).toMatchObject({ password: 'one' });
    expect(applied.name).toMatchObject({ name: 'Ops', author: fp(alice), rev: 2 });
    expect(applied.ignored).toEqual([
      { seq: 3, author: fp(carol), reason: 'role' },
      { seq: 4, author: fp(bob), reason: 'role' },
    ]);
  });

  it('a viewer’s signed receipt counts; a receipt naming someone else is refused', () => {
    const folder = team();
    const relay = new Relay();
    relay.post(write(bob, folder, item('db', 'one')));
    const statement = { folderId: folder.folderId, itemId: 'db', rev: 1, event: 'opened' as const, at: NOW + 2, member: fp(carol) };
    relay.post(write(carol, folder, { kind: 'receipt', statement, statementSig: signReceiptStatement(carol, statement) }));
    // Bob posts carol's signed statement as his own.
    relay.post(write(bob, folder, { kind: 'receipt', statement, statementSig: signReceiptStatement(carol, statement) }));
    const applied = apply(folder, relay);
    expect(applied.receipts).toEqual([{ seq: 2, statement, statementSig: expect.any(String), selfReported: true }]);
    expect(applied.ignored).toEqual([{ seq: 3, author: fp(bob), reason: 'receipt-mismatch' }]);
  });

  it('a role change counts from its cursor: an editor demoted at cursor 1 has their later edit ignored, their earlier one kept', () => {
    const folder = team();
    const relay = new Relay();
    const before = folder.state;
    relay.post(write(bob, folder, item('db', 'one')));
    folder.push(changeRoleEntry(alice, folder.state, fp(bob), { role: 'viewer', autofillOnly: false, accessEndsAt: null }, 1, NOW + 5));
    // Bob had not seen the change: he writes with his old head, after the cursor.
    relay.post(write(bob, folder, item('db', 'two', 1), before));
    const applied = apply(folder, relay);
    expect(applied.items.db?.item).toMatchObject({ password: 'one' });
    expect(applied.ignored).toEqual([{ seq: 2, author: fp(bob), reason: 'role' }]);
  });

  it('an item id that would set the items object’s prototype is refused as malformed content', () => {
    const folder = team();
    const relay = new Relay();
    expect(() => write(bob, folder, item('__proto__', 'x'))).toThrow();
    relay.post(write(bob, folder, item('constructor', 'fine')));
    const applied = apply(folder, relay);
    expect(Object.keys(applied.items)).toEqual(['constructor']);
  });

  it('an edit written after the author’s access ended by date is ignored', () => {
    const folder = team();
    folder.add(alice, dave, 'editor', NOW + 5, { accessEndsAt: NOW + DAY });
    const relay = new Relay();
    relay.post(write(dave, folder, { ...item('db', 'late'), at: NOW + DAY } as FolderMessageContentInput));
    expect(apply(folder, relay).ignored).toEqual([{ seq: 1, author: fp(dave), reason: 'access-ended' }]);
  });
});

describe('applyFolderMessages: removal (T23, T24)', () => {
  it('a removed member cannot open anything written in epoch e+1, with every key they really hold', () => {
    const folder = team();
    const relay = new Relay();
    relay.post(write(alice, folder, item('old', 'before-removal')));
    const bobsKeys = openEpochKeys(folder.state, 1, folder.key);
    const bobsState = folder.state;
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 1, NOW + 5));
    const after = write(alice, folder, item('new', 'after-removal'));
    relay.post(after);
    expect(after.epoch).toBe(2);
    // Bob's folder keys: epoch 1 only (the chain runs backwards). None opens the new message.
    expect([...bobsKeys.keys()]).toEqual([1]);
    for (const key of bobsKeys.values()) expect(() => openFolderMessage({ ...after, epoch: 1 }, key)).toThrow(expect.objectContaining({ reason: 'unreadable' }));
    expect(() => openFolderMessage(after, bobsKeys.get(1)!)).toThrow(expect.objectContaining({ reason: 'unreadable' }));
    // His replica, with the log as served (the removal in it) or without it: it stops at the new message, nothing new in it.
    for (const state of [replayFolderLog(folder.entries), bobsState]) {
      const his = applyFolderMessages(state, bobsKeys, emptyAppliedFolder(), relay.list);
      expect(Object.keys(his.items)).toEqual(['old']);
      expect(JSON.stringify(his)).not.toContain('after-removal');
    }
    // Carol, who stays, reads both once she has FK_2.
    const carols = apply(folder, relay, emptyAppliedFolder(), folder.state, openEpochKeys(folder.state, 2, folder.key));
    expect(Object.keys(carols.items).sort()).toEqual(['new', 'old']);
  });

  it('T23: a removed member writing with their old head after the removal’s cursor is ignored; what they wrote before it counts', () => {
    const folder = team();
    const relay = new Relay();
    const bobsState = folder.state;
    relay.post(write(bob, folder, item('db', 'bob-before')));
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 1, NOW + 5));
    relay.post(write(bob, folder, item('db', 'bob-after', 1), bobsState, folder.keys.get(1)!));
    const applied = apply(folder, relay);
    expect(applied.items.db?.item).toMatchObject({ password: 'bob-before' });
    expect(applied.ignored).toEqual([{ seq: 2, author: fp(bob), reason: 'stale-epoch' }]);
  });

  it('a member racing a rotation with the old key is ignored (stale-epoch), so nothing new stays under the removed member’s key', () => {
    const folder = team();
    folder.add(alice, dave, 'editor');
    const relay = new Relay();
    const davesView = folder.state;
    relay.post(write(bob, folder, item('a', 'one')));
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 1, NOW + 5));
    relay.post(write(dave, folder, item('b', 'two'), davesView, folder.keys.get(1)!));
    relay.post(write(dave, folder, item('c', 'three')));
    const applied = apply(folder, relay);
    expect(applied.ignored).toEqual([{ seq: 2, author: fp(dave), reason: 'stale-epoch' }]);
    expect(Object.keys(applied.items).sort()).toEqual(['a', 'c']);
  });

  it('a message under another epoch than the one at the head it names is ignored (an old key the removed may hold)', () => {
    const folder = team();
    const relay = new Relay();
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 5));
    // Alice names the new head but seals under epoch 1's key (a broken or hostile client).
    const epochOne = { ...folder.state, epoch: 1, keyCommitment: folder.state.epochs[0]!.keyCommitment };
    relay.post(write(alice, folder, item('a', 'under-old-key'), epochOne, folder.keys.get(1)!));
    const applied = apply(folder, relay);
    expect(applied.ignored).toEqual([{ seq: 1, author: fp(alice), reason: 'epoch-mismatch' }]);
    expect(applied.items).toEqual({});
  });

  it('says when a log that grew behind what was applied needs a fresh apply, and the fresh apply drops the late edit', () => {
    const folder = team();
    const relay = new Relay();
    relay.post(write(bob, folder, item('db', 'one')));
    relay.post(write(bob, folder, item('db', 'two', 1)));
    const early = folder.state;
    const applied = apply(folder, relay);
    expect(applied.items.db?.item).toMatchObject({ password: 'two' });
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 1, NOW + 5));
    expect(folderNeedsReapply(early, folder.state, applied)).toBe(true);
    const again = apply(folder, relay);
    expect(again.items.db?.item).toMatchObject({ password: 'one' });
    expect(folderNeedsReapply(folder.state, folder.state, again)).toBe(false);
  });

  it('a demotion behind what was applied needs a fresh apply only when the demoted person wrote after its cursor', () => {
    const folder = team();
    folder.add(alice, dave, 'editor');
    const relay = new Relay();
    relay.post(write(bob, folder, item('a', 'one')));
    relay.post(write(dave, folder, item('b', 'two')));
    const early = folder.state;
    const applied = apply(folder, relay);
    const demoteBob = new TestFolder(alice);
    Object.assign(demoteBob, { entries: [...folder.entries], state: folder.state, keys: folder.keys });
    demoteBob.push(changeRoleEntry(alice, demoteBob.state, fp(bob), { role: 'viewer', autofillOnly: false, accessEndsAt: null }, 1, NOW + 9));
    expect(folderNeedsReapply(early, demoteBob.state, applied)).toBe(false);
    folder.push(changeRoleEntry(alice, folder.state, fp(dave), { role: 'viewer', autofillOnly: false, accessEndsAt: null }, 1, NOW + 9));
    expect(folderNeedsReapply(early, folder.state, applied)).toBe(true);
    expect(apply(folder, relay).ignored).toEqual([{ seq: 2, author: fp(dave), reason: 'role' }]);
  });
});

describe('applyFolderMessages: what the relay can do (T24)', () => {
  it('T24: a head beyond the served log stops applying (withheld) until the log catches up; the result is then the same', () => {
    const folder = team();
    const relay = new Relay();
    const short = folder.state;
    folder.add(alice, dave, 'editor');
    relay.post(write(bob, folder, item('a', 'one')));
    relay.post(write(dave, folder, item('b', 'two')));
    relay.post(write(bob, folder, item('c', 'three')));
    const withheld = apply(folder, relay, emptyAppliedFolder(), short);
    expect(withheld.cursor).toBe(0);
    expect(withheld.waiting).toEqual({ reason: 'withheld', seq: 1 });
    expect(withheld.alerts).toEqual([{ kind: 'withheld', seq: 1, author: fp(bob), headSeq: 4 }]);
    // Syncing again before the log catches up shows the same alert once.
    expect(apply(folder, relay, withheld, short).alerts).toEqual(withheld.alerts);
    const caughtUp = apply(folder, relay, withheld);
    const direct = apply(folder, relay);
    expect(caughtUp.items).toEqual(direct.items);
    expect(caughtUp.cursor).toBe(3);
  });

  it('T24: a message naming a forked head is ignored and shown', () => {
    const folder = team();
    const relay = new Relay();
    const fork = new TestFolder(alice);
    fork.entries = [...folder.entries];
    fork.state = replayFolderLog(folder.entries);
    fork.keys = folder.keys;
    fork.add(alice, dave, 'manager');
    folder.add(alice, dave, 'viewer');
    relay.post(write(bob, fork, item('a', 'one')));
    const applied = apply(folder, relay);
    expect(applied.alerts).toEqual([{ kind: 'fork', seq: 1, author: fp(bob) }]);
    expect(applied.ignored).toEqual([{ seq: 1, author: fp(bob), reason: 'fork' }]);
  });

  it('T24: a gap in the relay’s numbering stops applying and is shown', () => {
    const folder = team();
    const relay = new Relay();
    relay.post(write(bob, folder, item('a', 'one')));
    relay.post(write(bob, folder, item('b', 'two')));
    relay.post(write(bob, folder, item('c', 'three')));
    relay.list.splice(1, 1);
    const applied = apply(folder, relay);
    expect(applied.cursor).toBe(1);
    expect(applied.alerts).toEqual([{ kind: 'gap', after: 1, seq: 3 }]);
    expect(applied.waiting).toEqual({ reason: 'gap', seq: 3 });
  });

  it('a replayed message (same id) is dropped; a forgery with a real id neither applies nor shadows it', () => {
    const folder = team();
    const relay = new Relay();
    const first = write(bob, folder, item('a', 'one'));
    const forged = { ...write(bob, folder, item('a', 'forged')), id: first.id };
    relay.post(forged);
    relay.post(first);
    relay.post(first);
    relay.post({ not: 'a message' });
    const applied = apply(folder, relay);
    expect(applied.items.a?.item).toMatchObject({ password: 'one' });
    expect(applied.items.a?.history).toEqual([]);
    expect(applied.ignored).toEqual([
      { seq: 1, author: fp(bob), reason: 'bad-signature' },
      { seq: 4, author: null, reason: 'malformed' },
    ]);
    expect(applied.cursor).toBe(4);
  });

  it('waits for a key it does not have yet, and goes on once it has it', () => {
    const folder = team();
    const relay = new Relay();
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 5));
    relay.post(write(alice, folder, item('a', 'one')));
    const waiting = apply(folder, relay, emptyAppliedFolder(), folder.state, new Map([[1, folder.keys.get(1)!]]));
    expect(waiting.waiting).toEqual({ reason: 'no-key', seq: 1, epoch: 2 });
    expect(apply(folder, relay, waiting).items.a).toBeDefined();
  });
});

describe('applyFolderMessages: convergence', () => {
  it('three members’ messages, applied in the same relay order on three replicas in different batches, give identical folders; no revision is lost', () => {
    const folder = new TestFolder(alice);
    folder.add(alice, bob, 'editor');
    folder.add(alice, carol, 'editor');
    const relay = new Relay();
    // Round 1: each creates an item.
    relay.post(write(alice, folder, item('a', 'a1')));
    relay.post(write(bob, folder, item('b', 'b1')));
    relay.post(write(carol, folder, item('c', 'c1')));
    // Round 2: all three edit item "a" at once, each from rev 1.
    relay.post(write(bob, folder, item('a', 'a-bob', 1)));
    relay.post(write(carol, folder, item('a', 'a-carol', 1)));
    relay.post(write(alice, folder, item('a', 'a-alice', 1)));
    // Round 3: bob deletes "b" while carol edits it.
    relay.post(write(carol, folder, item('b', 'b-carol', 2)));
    relay.post(write(bob, folder, { kind: 'item', itemId: 'b', baseRev: 2, item: null, at: NOW + 3 }));

    const replicas = [
      apply(folder, relay),
      [3, 6, 8].reduce((f, upTo, i, cuts) => applyFolderMessages(folder.state, folder.keys, f, relay.list.slice(i ? cuts[i - 1] : 0, upTo)), emptyAppliedFolder()),
      // Delivered out of order and with repeats: the relay's seq decides.
      applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), [...relay.list].reverse().concat(relay.list.slice(0, 2))),
    ];
    expect(replicas[1]).toEqual(replicas[0]);
    expect(replicas[2]).toEqual(replicas[0]);
    const [one] = replicas;
    const a = one!.items.a!;
    expect(a.item).toMatchObject({ password: 'a-alice' });
    expect(a.conflict).toBe(true);
    expect([...a.history.map((v) => (v.item as { password: string }).password), (a.item as { password: string }).password]).toEqual(['a1', 'a-bob', 'a-carol', 'a-alice']);
    expect(a.history.map((v) => v.conflict)).toEqual([false, false, true]);
    const b = one!.items.b!;
    expect(b.item).toBeNull();
    expect(b.conflict).toBe(true);
    expect(b.history.map((v) => (v.item as { password: string }).password)).toEqual(['b1', 'b-carol']);
    // Every posted revision is somewhere: current or history.
    const revisions = Object.values(one!.items).flatMap((i) => [i.rev, ...i.history.map((h) => h.rev)]);
    expect(revisions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(one!.ignored).toEqual([]);
  });
});
