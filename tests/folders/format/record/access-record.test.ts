/**
 * The access record, its JSON-lines export and the verifier that needs only pinned keys; and the list of
 * passwords to rotate after a removal.
 */
import { describe, expect, it } from 'vitest';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { emptyAppliedFolder } from '../../../../lib/folders/format/messages/applied-folder';
import { applyFolderMessages } from '../../../../lib/folders/format/messages/apply-folder-messages';
import type { FolderMessageContentInput, NumberedFolderMessage } from '../../../../lib/folders/format/messages/folder-message';
import { sealFolderMessage } from '../../../../lib/folders/format/messages/seal-folder-message';
import { signReceiptStatement } from '../../../../lib/folders/format/messages/sign-receipt';
import { buildAccessRecord } from '../../../../lib/folders/format/record/build-access-record';
import { exportAccessRecord } from '../../../../lib/folders/format/record/export-access-record';
import { listPasswordsToRotate } from '../../../../lib/folders/format/record/list-passwords-to-rotate';
import { AccessRecordError, verifyAccessRecord } from '../../../../lib/folders/format/record/verify-access-record';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { craftEntry } from '../log/craft-entry';
import { logSubjectOf } from '../../../../lib/folders/format/log/log-subject';
import { fp, NOW, person, sampleLogin, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const relay = person('relay-operator');

const login = (itemId: string, password: string, baseRev: number, at: number): FolderMessageContentInput => ({
  kind: 'item',
  itemId,
  baseRev,
  item: sampleLogin(password, `Title ${itemId}`),
  at,
});

/**
 * alice creates at NOW, adds bob (editor) at NOW+1000 and carol (viewer) at NOW+2000; items: "db" at +3000
 * (password changed at +6000 after bob's removal at +5000), "mail" at +4000; carol opens "mail".
 */
function scene() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor', NOW + 1000);
  folder.add(alice, carol, 'viewer', NOW + 2000);
  const list: NumberedFolderMessage[] = [];
  const post = (author: Identity, content: FolderMessageContentInput) => list.push({ seq: list.length + 1, message: sealFolderMessage(author, folder.state, folder.key, content) });
  post(bob, login('db', 'db-1', 0, NOW + 3000));
  post(bob, login('mail', 'mail-1', 0, NOW + 4000));
  const statement = { folderId: folder.folderId, itemId: 'mail', rev: 2, event: 'opened' as const, at: NOW + 4500, member: fp(carol) };
  post(carol, { kind: 'receipt', statement, statementSig: signReceiptStatement(carol, statement) });
  folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 3, NOW + 5000));
  post(alice, login('db', 'db-2', 1, NOW + 6000));
  const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), list);
  expect(applied.ignored).toEqual([]);
  return { folder, applied };
}

describe('buildAccessRecord', () => {
  it('gives every stretch of access per person, and per item the stretches clipped to its lifetime, with receipts marked self-reported', () => {
    const { folder, applied } = scene();
    const record = buildAccessRecord(folder.state, applied);
    expect(record.members.map((p) => [p.handle, p.role, p.from - NOW, p.to === null ? null : p.to - NOW])).toEqual([
      ['alice', 'manager', 0, null],
      ['bob', 'editor', 1000, 5000],
      ['carol', 'viewer', 2000, null],
    ]);
    const mail = record.items.find((i) => i.itemId === 'mail')!;
    expect(mail.access.map((p) => [p.handle, p.from - NOW, p.to === null ? null : p.to - NOW])).toEqual([
      ['alice', 4000, null],
      ['bob', 4000, 5000],
      ['carol', 4000, null],
    ]);
    expect(mail.receipts).toEqual([{ fingerprint: fp(carol), handle: 'carol', event: 'opened', at: NOW + 4500, rev: 2, selfReported: true }]);
    expect(JSON.stringify(record)).not.toContain('mail-1');
  });
});

describe('listPasswordsToRotate', () => {
  it('lists what the removed person could read and is still current: not a password changed after they left', () => {
    const { folder, applied } = scene();
    const list = listPasswordsToRotate(folder.state, applied, fp(bob));
    expect(list).toEqual([{ itemId: 'mail', title: 'Title mail', urls: ['https://db.example.org/login'], from: NOW + 4000, to: NOW + 5000 }]);
    expect(listPasswordsToRotate(folder.state, applied, fp(relay))).toEqual([]);
  });

  it('lists a person whose access lasted 0 ms, and a password set in that same millisecond, since they held the key', () => {
    const folder = new TestFolder(alice);
    const list: NumberedFolderMessage[] = [];
    const post = (content: FolderMessageContentInput) => list.push({ seq: list.length + 1, message: sealFolderMessage(alice, folder.state, folder.key, content) });
    post(login('old', 'old-1', 0, NOW + 500));
    // Bob is added and removed at NOW+1000; "same" is written in that millisecond, before the removal's cursor.
    folder.add(alice, bob, 'viewer', NOW + 1000);
    post(login('same', 'same-1', 0, NOW + 1000));
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 2, NOW + 1000));
    post(login('after', 'after-1', 0, NOW + 1000));
    const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), list);
    expect(applied.ignored).toEqual([]);
    expect(listPasswordsToRotate(folder.state, applied, fp(bob)).map((i) => [i.itemId, i.from, i.to])).toEqual([
      ['old', NOW + 1000, NOW + 1000],
      ['same', NOW + 1000, NOW + 1000],
    ]);
  });

  it('lists a password written before the removal in relay order even when its author’s clock says after', () => {
    const folder = new TestFolder(alice);
    folder.add(alice, bob, 'viewer', NOW + 1000);
    const list: NumberedFolderMessage[] = [];
    // Alice's clock runs ahead: her edit says NOW+9000, but the relay took it before the removal (cursor 1).
    list.push({ seq: 1, message: sealFolderMessage(alice, folder.state, folder.key, login('db', 'db-1', 0, NOW + 9000)) });
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 1, NOW + 5000));
    const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), list);
    expect(listPasswordsToRotate(folder.state, applied, fp(bob))).toEqual([{ itemId: 'db', title: 'Title db', urls: ['https://db.example.org/login'], from: NOW + 5000, to: NOW + 5000 }]);
  });
});

describe('exportAccessRecord / verifyAccessRecord', () => {
  it('round-trips with only the pinned public keys, and holds no item content', () => {
    const { folder, applied } = scene();
    const text = exportAccessRecord(folder.state, folder.entries, applied, NOW + 9000);
    expect(text).not.toContain('db-2');
    expect(text).not.toContain('Title');
    const pinned = [alice, bob, carol].map((p) => ({ handle: p.handle, encryptionKey: p.encryptionKey, signingKey: p.signingKey, xwingKey: p.xwingKey }));
    expect(verifyAccessRecord(text, pinned)).toEqual(buildAccessRecord(folder.state, applied));
    expect(() => verifyAccessRecord(text, pinned.slice(0, 1))).not.toThrow();
  });

  it('refuses a record whose access lines were edited, whose log was altered, whose receipt was forged, or whose creator is not pinned', () => {
    const { folder, applied } = scene();
    const text = exportAccessRecord(folder.state, folder.entries, applied, NOW + 9000);
    const pinned = [alice];
    const failsWith = (changed: string, reason: string, who = pinned) => {
      let caught: unknown;
      try {
        verifyAccessRecord(changed, who);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AccessRecordError);
      expect((caught as AccessRecordError).reason).toBe(reason);
    };
    const lines = text.trimEnd().split('\n');
    const access = lines.findIndex((l) => l.includes('"type":"access"') && l.includes('"handle":"bob"'));
    failsWith(replaceLine(lines, access, (l) => l.replace('"to":' + (NOW + 5000), '"to":' + (NOW + 4000))), 'access-mismatch');
    failsWith(lines.filter((_, i) => i !== access).join('\n'), 'access-mismatch');
    const receipt = lines.findIndex((l) => l.includes('"type":"receipt"'));
    failsWith(replaceLine(lines, receipt, (l) => l.replace('"event":"opened"', '"event":"filled"')), 'receipt');
    // The relay's own entry appended to the log (T23).
    const escrow = craftEntry(relay, folder.state, { op: 'add', subject: logSubjectOf(relay), role: 'manager', autofillOnly: false, accessEndsAt: null });
    const withEscrow = [...lines.slice(0, folder.entries.length + 1), JSON.stringify({ type: 'log', entry: escrow }), ...lines.slice(folder.entries.length + 1)];
    failsWith(withEscrow.join('\n'), 'log');
    failsWith(text, 'unpinned-creator', [bob]);
    // The verifier pinned another key for "bob" than the log names.
    failsWith(text, 'key-mismatch', [alice, { ...person('bob-elsewhere'), handle: 'bob' }]);
    failsWith('{}\n', 'malformed');
  });
});

function replaceLine(lines: string[], index: number, change: (line: string) => string): string {
  return lines.map((l, i) => (i === index ? change(l) : l)).join('\n');
}
