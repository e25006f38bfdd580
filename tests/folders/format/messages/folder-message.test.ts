/**
 * sealFolderMessage / parseFolderMessage / verifyFolderMessage / openFolderMessage: the round trip, what the
 * relay sees (S1), and every corruption failing as one error (S2, T11).
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../../lib/crypto/base64';
import { generateKey } from '../../../../lib/crypto/generate-key';
import type { FolderContentKey, FolderKey } from '../../../../lib/crypto/keys';
import { seal } from '../../../../lib/crypto/seal';
import { signEd25519 } from '../../../../lib/crypto/sign-ed25519';
import { wrapKey } from '../../../../lib/crypto/wrap-key';
import { contentKeyContext, messageContentContext } from '../../../../lib/folders/format/keys/folder-contexts';
import { FolderKeyError } from '../../../../lib/folders/format/keys/folder-key-error';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { folderMessageSigningBytes } from '../../../../lib/folders/format/messages/folder-message-bytes';
import { FolderMessageError } from '../../../../lib/folders/format/messages/folder-message-error';
import type { FolderMessage } from '../../../../lib/folders/format/messages/folder-message';
import { openFolderMessage, parseFolderMessage, verifyFolderMessage } from '../../../../lib/folders/format/messages/open-folder-message';
import { sealFolderMessage } from '../../../../lib/folders/format/messages/seal-folder-message';
import { toSealedWire } from '../../../../lib/folders/format/sealed-wire';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { fp, NOW, person, sampleLogin, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');

function team() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.add(alice, carol, 'viewer');
  return folder;
}

const edit = (password = 'correct horse battery staple') => ({ kind: 'item' as const, itemId: 'item-1', baseRev: 0, item: sampleLogin(password), at: NOW });

/** Re-signs a changed message as its author would, so only the changed field is wrong. */
function resign(author: Identity, message: FolderMessage): FolderMessage {
  const { sig: _sig, ...unsigned } = message;
  return { ...message, sig: toBase64(signEd25519(author.signingSecretKey, folderMessageSigningBytes(unsigned))) };
}

function flipBase64(text: string, at = 8): string {
  const bytes = fromBase64(text);
  bytes[at % bytes.length]! ^= 1;
  return toBase64(bytes);
}

function unreadable(message: FolderMessage, key: FolderKey) {
  let caught: unknown;
  try {
    openFolderMessage(message, key);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FolderMessageError);
  expect((caught as FolderMessageError).reason).toBe('unreadable');
  expect((caught as FolderMessageError).message).toBe('folder message refused (unreadable)');
}

describe('folder messages: the round trip', () => {
  it('seals, parses, verifies and opens an item revision; the relay sees no title, username, URL or password (S1)', () => {
    const folder = team();
    const message = sealFolderMessage(bob, folder.state, folder.key, edit());
    const wire = JSON.stringify(message);
    for (const secret of ['Staging database', 'deploy@example.org', 'db.example.org', 'correct horse']) expect(wire).not.toContain(secret);
    const parsed = parseFolderMessage(wire);
    expect(verifyFolderMessage(folder.state, parsed)).toBe(true);
    expect(openFolderMessage(parsed, folder.key)).toEqual(edit());
    expect(parsed).toMatchObject({ folderId: folder.folderId, epoch: 1, author: fp(bob), head: folder.state.head });
  });

  it('a fresh content key per message: the same content twice gives unrelated ciphertexts', () => {
    const folder = team();
    const a = sealFolderMessage(bob, folder.state, folder.key, edit());
    const b = sealFolderMessage(bob, folder.state, folder.key, edit());
    expect(a.id).not.toBe(b.id);
    expect(a.wrappedKey.ct).not.toBe(b.wrappedKey.ct);
    expect(a.content.ct).not.toBe(b.content.ct);
  });

  it('refuses to seal for someone the log does not hold, under a key that is not the committed one, or over 64 KiB', () => {
    const folder = team();
    expect(() => sealFolderMessage(person('mallory'), folder.state, folder.key, edit())).toThrow(FolderKeyError);
    expect(() => sealFolderMessage(bob, folder.state, generateKey<FolderKey>(), edit())).toThrow(expect.objectContaining({ reason: 'commitment-mismatch' }));
    const big = { ...edit(), item: { ...sampleLogin(), notes: 'x'.repeat(10_000), fields: Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, value: 'y'.repeat(8_000), hidden: false })) } };
    expect(() => sealFolderMessage(bob, folder.state, folder.key, big)).toThrow(RangeError);
  });
});

describe('folder messages: signatures', () => {
  it('a change to any field breaks the signature; the key comes from the log, not the message', () => {
    const folder = team();
    const message = sealFolderMessage(bob, folder.state, folder.key, edit());
    const changed: FolderMessage[] = [
      { ...message, epoch: 2 },
      { ...message, author: fp(carol) },
      { ...message, head: { ...message.head, seq: 1 } },
      { ...message, content: { ...message.content, ct: flipBase64(message.content.ct) } },
      { ...message, wrappedKey: { ...message.wrappedKey, nonce: flipBase64(message.wrappedKey.nonce) } },
    ];
    for (const m of changed) expect(verifyFolderMessage(folder.state, m)).toBe(false);
    // Signed by someone the log never named.
    const stranger = person('mallory');
    expect(verifyFolderMessage(folder.state, resign(stranger, { ...message, author: fp(stranger) }))).toBe(false);
    // Another folder's log.
    expect(verifyFolderMessage(team().state, message)).toBe(false);
  });

  it('a removed member’s key still verifies their old messages (it is in the log), which the apply rule then judges', () => {
    const folder = team();
    const message = sealFolderMessage(bob, folder.state, folder.key, edit());
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 5));
    expect(verifyFolderMessage(folder.state, message)).toBe(true);
  });
});

describe('folder messages: wrong lengths and corrupted ciphertexts fail with one error (S2, T11)', () => {
  const folder = team();
  const message = sealFolderMessage(bob, folder.state, folder.key, edit());

  it('malformed shapes are refused before any cryptography', () => {
    const malformed: unknown[] = [
      null,
      'not json',
      { ...message, v: 2 },
      { ...message, extra: 1 },
      { ...message, sig: message.sig.slice(4) },
      { ...message, wrappedKey: { ...message.wrappedKey, nonce: toBase64(new Uint8Array(12)) } },
      { ...message, content: { ...message.content, alg: 'aes-256-gcm' } },
      { ...message, id: message.id + 'A' },
      'x'.repeat(64 * 1024 + 1),
    ];
    for (const m of malformed) expect(() => parseFolderMessage(m)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('every corruption that parses fails to open as the same `unreadable`', () => {
    unreadable({ ...message, content: { ...message.content, ct: flipBase64(message.content.ct) } }, folder.key);
    unreadable({ ...message, wrappedKey: { ...message.wrappedKey, ct: flipBase64(message.wrappedKey.ct, 40) } }, folder.key);
    unreadable({ ...message, content: { ...message.content, ct: toBase64(fromBase64(message.content.ct).slice(0, 15)) } }, folder.key);
    unreadable({ ...message, content: { ...message.content, ct: toBase64(fromBase64(message.content.ct).slice(0, -1)) } }, folder.key);
    unreadable({ ...message, wrappedKey: { ...message.wrappedKey, nonce: flipBase64(message.wrappedKey.nonce) } }, folder.key);
    // Wrong key; the wrap or the content moved to another message id or epoch.
    unreadable(message, generateKey<FolderKey>());
    unreadable({ ...message, epoch: 2 }, folder.key);
    const other = sealFolderMessage(bob, folder.state, folder.key, edit('another'));
    unreadable({ ...message, content: other.content }, folder.key);
    unreadable({ ...message, wrappedKey: other.wrappedKey }, folder.key);
    unreadable({ ...message, id: other.id }, folder.key);
  });

  it('content sealed for another message fails even under the very same content key (the id is in its associated data)', () => {
    const contentKey = generateKey<FolderContentKey>();
    const plaintext = new TextEncoder().encode(JSON.stringify(edit()));
    const other = sealFolderMessage(bob, folder.state, folder.key, edit());
    const moved = {
      ...message,
      wrappedKey: toSealedWire(wrapKey<'folder-content-key'>(folder.key, contentKey, contentKeyContext(folder.folderId, message.id, 1))),
      content: toSealedWire(seal(contentKey, plaintext, messageContentContext(folder.folderId, other.id))),
    };
    unreadable(moved, folder.key);
    const inPlace = { ...moved, content: toSealedWire(seal(contentKey, plaintext, messageContentContext(folder.folderId, message.id))) };
    expect(openFolderMessage(inPlace, folder.key)).toEqual(edit());
  });

  it('a wrapped content key of the wrong length, or content that is not a message content, is `unreadable` too', () => {
    const short = generateKey<FolderContentKey>().slice(0, 31);
    const shortWrap = toSealedWire(seal(folder.key, short, contentKeyContext(folder.folderId, message.id, 1)));
    unreadable({ ...message, wrappedKey: shortWrap }, folder.key);
    const contentKey = generateKey<FolderContentKey>();
    const bogus = {
      ...message,
      wrappedKey: toSealedWire(wrapKey<'folder-content-key'>(folder.key, contentKey, contentKeyContext(folder.folderId, message.id, 1))),
      content: toSealedWire(seal(contentKey, new TextEncoder().encode('{"kind":"item"}'), messageContentContext(folder.folderId, message.id))),
    };
    unreadable(bogus, folder.key);
  });
});
