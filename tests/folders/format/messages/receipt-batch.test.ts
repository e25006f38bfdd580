/**
 * Receipts in batches: one message carries up to MAX_RECEIPTS_PER_MESSAGE statements, each signed on its own
 * (so the access record's export and verifier check each as before). The failures: a batch carrying one
 * forged or foreign statement is ignored whole; too many statements or a message over 64 KiB are refused
 * before sending. And the capacity the batches buy: one message per receipt fills a 1,000-item folder shared
 * with 50 people (each delivered and opened once: about 100 MB); batches stay under half of its 64 MiB (about 26 MB).
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../../lib/crypto/base64';
import { emptyAppliedFolder } from '../../../../lib/folders/format/messages/applied-folder';
import { applyFolderMessages } from '../../../../lib/folders/format/messages/apply-folder-messages';
import type { FolderMessageContentInput, NumberedFolderMessage } from '../../../../lib/folders/format/messages/folder-message';
import { MAX_RECEIPTS_PER_MESSAGE, signReceiptBatch, type DueReceipt } from '../../../../lib/folders/format/messages/receipt-batch';
import { sealFolderMessage } from '../../../../lib/folders/format/messages/seal-folder-message';
import { signReceiptStatement } from '../../../../lib/folders/format/messages/sign-receipt';
import { exportAccessRecord } from '../../../../lib/folders/format/record/export-access-record';
import { AccessRecordError, verifyAccessRecord } from '../../../../lib/folders/format/record/verify-access-record';
import { MAX_FOLDER_MESSAGE_BYTES, MAX_FOLDER_MESSAGES_BYTES } from '../../../../lib/relay-protocol/relay-limits';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { fp, NOW, person, sampleLogin, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');

function team() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'viewer');
  folder.add(alice, carol, 'viewer');
  return folder;
}

/** Messages as the relay numbers them. */
function relayOf(folder: TestFolder) {
  const list: NumberedFolderMessage[] = [];
  const post = (author: Identity, content: FolderMessageContentInput) => {
    const message = sealFolderMessage(author, folder.state, folder.key, content);
    list.push({ seq: list.length + 1, message: JSON.parse(JSON.stringify(message)) });
    return message;
  };
  return { list, post };
}

const due = (n: number, itemId = (i: number) => `item-${i}`): DueReceipt[] => Array.from({ length: n }, (_, i) => ({ itemId: itemId(i), rev: i + 1, event: 'delivered' as const, at: NOW + i }));

/** Bytes of a message as the relay counts them (its UTF-8 JSON text). */
const bytes = (message: unknown) => new TextEncoder().encode(JSON.stringify(message)).length;

describe('receipt batches', () => {
  it('applies every statement of a batch as its own receipt, and the export verifies each with the member’s key', () => {
    const folder = team();
    const relay = relayOf(folder);
    relay.post(alice, { kind: 'item', itemId: 'db', baseRev: 0, item: sampleLogin(), at: NOW });
    const receipts = signReceiptBatch(bob, folder.folderId, [
      { itemId: 'db', rev: 1, event: 'delivered', at: NOW + 1 },
      { itemId: 'db', rev: 1, event: 'opened', at: NOW + 2 },
      { itemId: 'db', rev: 1, event: 'filled', at: NOW + 3 },
    ]);
    relay.post(bob, { kind: 'receipts', receipts });
    const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), relay.list);
    expect(applied.ignored).toEqual([]);
    expect(applied.receipts.map((r) => [r.seq, r.statement.event, r.statement.member, r.statement.folderId])).toEqual([
      [2, 'delivered', fp(bob), folder.folderId],
      [2, 'opened', fp(bob), folder.folderId],
      [2, 'filled', fp(bob), folder.folderId],
    ]);
    const text = exportAccessRecord(folder.state, folder.entries, applied, NOW + 10);
    const verified = verifyAccessRecord(text, [alice, bob]);
    expect(verified.items[0]!.receipts.map((r) => r.event)).toEqual(['delivered', 'opened', 'filled']);
    // One statement of the batch changed in the export: that line no longer verifies.
    const lines = text.split('\n');
    const opened = lines.findIndex((l) => l.includes('"event":"opened"'));
    lines[opened] = lines[opened]!.replace('"event":"opened"', '"event":"delivered"');
    expect(() => verifyAccessRecord(lines.join('\n'), [alice, bob])).toThrow(AccessRecordError);
  });

  it('ignores a whole batch that carries one statement with a bad signature, or one signed by another member', () => {
    const folder = team();
    const relay = relayOf(folder);
    relay.post(alice, { kind: 'item', itemId: 'db', baseRev: 0, item: sampleLogin(), at: NOW });
    const good = signReceiptBatch(bob, folder.folderId, due(3, () => 'db'));
    const flipped = fromBase64(good[1]!.sig);
    flipped[0]! ^= 1;
    relay.post(bob, { kind: 'receipts', receipts: [good[0]!, { ...good[1]!, sig: toBase64(flipped) }, good[2]!] });
    // Carol's signed statements posted by Bob: the batch makes them Bob's, and Carol's signature fails.
    relay.post(bob, { kind: 'receipts', receipts: signReceiptBatch(carol, folder.folderId, due(2, () => 'db')) });
    // A statement about another folder, signed by Bob, cannot be slipped in either: the batch names the message's folder.
    const other = new TestFolder(bob);
    relay.post(bob, { kind: 'receipts', receipts: signReceiptBatch(bob, other.folderId, due(1, () => 'db')) });
    const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), relay.list);
    expect(applied.receipts).toEqual([]);
    expect(applied.ignored).toEqual([
      { seq: 2, author: fp(bob), reason: 'receipt-mismatch' },
      { seq: 3, author: fp(bob), reason: 'receipt-mismatch' },
      { seq: 4, author: fp(bob), reason: 'receipt-mismatch' },
    ]);
  });

  it('ignores a batch whose latest statement is after the member’s access ended', () => {
    const folder = new TestFolder(alice);
    folder.add(alice, bob, 'viewer', NOW + 1, { accessEndsAt: NOW + 100 });
    const relay = relayOf(folder);
    relay.post(bob, { kind: 'receipts', receipts: signReceiptBatch(bob, folder.folderId, [{ itemId: 'db', rev: 1, event: 'opened', at: NOW + 50 }, { itemId: 'db', rev: 1, event: 'filled', at: NOW + 150 }]) });
    const applied = applyFolderMessages(folder.state, folder.keys, emptyAppliedFolder(), relay.list);
    expect(applied.ignored).toEqual([{ seq: 1, author: fp(bob), reason: 'access-ended' }]);
  });

  it('keeps the largest batch (64-character item ids, the largest numbers) under 64 KiB, and refuses one more statement or an empty batch', () => {
    const folder = team();
    const worst = Array.from({ length: MAX_RECEIPTS_PER_MESSAGE }, (_, i): DueReceipt => ({ itemId: `${i}`.padStart(64, 'x'), rev: Number.MAX_SAFE_INTEGER, event: 'delivered', at: Number.MAX_SAFE_INTEGER }));
    const message = sealFolderMessage(bob, folder.state, folder.key, { kind: 'receipts', receipts: signReceiptBatch(bob, folder.folderId, worst) });
    expect(bytes(message)).toBeLessThan(MAX_FOLDER_MESSAGE_BYTES);
    const one = signReceiptBatch(bob, folder.folderId, worst.slice(0, 1))[0]!;
    expect(() => signReceiptBatch(bob, folder.folderId, [...worst, worst[0]!])).toThrow(RangeError);
    expect(() => sealFolderMessage(bob, folder.state, folder.key, { kind: 'receipts', receipts: Array.from({ length: MAX_RECEIPTS_PER_MESSAGE + 1 }, () => one) })).toThrow();
    expect(() => sealFolderMessage(bob, folder.state, folder.key, { kind: 'receipts', receipts: [] })).toThrow();
    expect(() => signReceiptBatch(bob, folder.folderId, [{ itemId: '__proto__', rev: 1, event: 'opened', at: NOW }])).toThrow();
  });

  it('capacity: 1,000 items shared with 50 members, each delivered and opened once, filled the folder one message per receipt; batched it stays under half of it', () => {
    const ITEMS = 1000;
    const MEMBERS = 50;
    const EVENTS = 2;
    const folder = team();
    // One message per receipt, as the first round sent them (the legacy form is still applied).
    const statement = { folderId: folder.folderId, itemId: toBase64(new Uint8Array(16)).slice(0, 22), rev: 123_456, event: 'delivered' as const, at: NOW, member: fp(bob) };
    const single = sealFolderMessage(bob, folder.state, folder.key, { kind: 'receipt', statement, statementSig: signReceiptStatement(bob, statement) });
    const before = bytes(single) * ITEMS * MEMBERS * EVENTS;
    expect(before).toBeGreaterThan(MAX_FOLDER_MESSAGES_BYTES);
    // Batched: each member's receipts in full messages of MAX_RECEIPTS_PER_MESSAGE (item ids of 22 characters, as the app makes them).
    const full = sealFolderMessage(bob, folder.state, folder.key, {
      kind: 'receipts',
      receipts: signReceiptBatch(bob, folder.folderId, due(MAX_RECEIPTS_PER_MESSAGE, (i) => `${i}`.padStart(22, 'A')).map((r) => ({ ...r, rev: 123_456, at: NOW }))),
    });
    const perMember = Math.ceil((ITEMS * EVENTS) / MAX_RECEIPTS_PER_MESSAGE) * bytes(full);
    const after = perMember * MEMBERS;
    expect(after).toBeLessThan(MAX_FOLDER_MESSAGES_BYTES / 2);
    // For the record (the test's output): bytes per receipt before and after.
    console.info(JSON.stringify({ perReceiptBefore: bytes(single), perReceiptAfter: Math.round(bytes(full) / MAX_RECEIPTS_PER_MESSAGE), before, after }));
  });
});
