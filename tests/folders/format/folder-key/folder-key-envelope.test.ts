/**
 * sealFolderKeyEnvelope / acceptFolderKeyEnvelope: a manager seals FK_e to a member through the sharing
 * envelope (X-Wing to v2 identities, T27); the member accepts it only against the verified log. The attacks:
 * a key sealed to anyone the log does not name or has removed (T23, T05), an envelope re-targeted to another
 * folder or epoch (T03), a head the log does not have (T24), a key that is not the committed one.
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../../lib/crypto/base64';
import { generateKey } from '../../../../lib/crypto/generate-key';
import type { FolderKey } from '../../../../lib/crypto/keys';
import { folderShareId } from '../../../../lib/folders/format/folder-id';
import { acceptFolderKeyEnvelope } from '../../../../lib/folders/format/folder-key/accept-folder-key';
import { sealFolderKeyEnvelope } from '../../../../lib/folders/format/folder-key/seal-folder-key';
import { FolderKeyError, type FolderKeyErrorReason } from '../../../../lib/folders/format/keys/folder-key-error';
import { logSubjectOf } from '../../../../lib/folders/format/log/log-subject';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { replayFolderLog } from '../../../../lib/folders/format/log/replay-folder-log';
import type { FolderState } from '../../../../lib/folders/format/log/folder-state';
import { bundleFingerprint } from '../../../../lib/sharing/identity/bundle-fingerprint';
import { EnvelopeError } from '../../../../lib/sharing/envelope/envelope-error';
import type { EnvelopeBodyInput, EnvelopeHeader } from '../../../../lib/sharing/envelope/envelope-schema';
import { openEnvelope } from '../../../../lib/sharing/envelope/open-envelope';
import { readEnvelopeAddress } from '../../../../lib/sharing/envelope/read-envelope-address';
import { sealEnvelope } from '../../../../lib/sharing/envelope/seal-envelope';
import type { Identity } from '../../../../lib/sharing/identity/identity';
import { craftEnvelope, rewrite } from '../../../sharing/craft-envelope';
import { craftEntry } from '../log/craft-entry';
import { DAY, fp, NOW, person, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');
const carol = person('carol');
const dave = person('dave');
const relay = person('relay-operator');

/** alice manager, bob editor, carol viewer. */
function team() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.add(alice, carol, 'viewer');
  return folder;
}

function seal(folder: TestFolder, to: Identity, by = alice, state: FolderState = folder.state) {
  return sealFolderKeyEnvelope(by, state, { recipient: fp(to), epoch: state.epoch, key: folder.keys.get(state.epoch)!, name: 'Ops', now: NOW + 100 });
}

function reason(action: () => unknown): FolderKeyErrorReason | string {
  try {
    action();
  } catch (error) {
    if (error instanceof FolderKeyError) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** A folder-key envelope signed by `signer` with any header and body that agree (what a broken or hostile member's client can make). */
function crafted(signer: Identity, to: Identity, body: Extract<EnvelopeBodyInput, { kind: 'folder-key' }>, header: Partial<EnvelopeHeader> = {}) {
  const full: EnvelopeHeader = {
    v: 2,
    suite: 'xwing',
    kind: 'folder-key',
    sender: { handle: signer.handle, fingerprint: fp(signer) },
    recipient: { fingerprint: toBase64(bundleFingerprint(to)) },
    shareId: folderShareId(body.folderId),
    itemId: 'folder',
    version: body.epoch,
    created: NOW + 100,
    ...header,
  };
  return craftEnvelope({ header: full, body, signer: signer.signingSecretKey, sealTo: to.xwingKey! });
}

function bodyOf(folder: TestFolder, overrides: Partial<Extract<EnvelopeBodyInput, { kind: 'folder-key' }>> = {}): Extract<EnvelopeBodyInput, { kind: 'folder-key' }> {
  return { kind: 'folder-key', folderId: folder.folderId, epoch: folder.state.epoch, key: toBase64(folder.key), genesis: folder.state.genesis, head: folder.state.head, name: 'Ops', ...overrides };
}

describe('folder-key envelope: the round trip', () => {
  it('a manager seals the current key to a member (X-Wing); the member accepts it against the log', () => {
    const folder = team();
    const text = seal(folder, bob);
    expect(readEnvelopeAddress(text).address.suite).toBe('xwing');
    expect(text).not.toContain(toBase64(folder.key));
    const accepted = acceptFolderKeyEnvelope(openEnvelope(text, bob, alice), bob, replayFolderLog(folder.entries));
    expect(accepted).toMatchObject({ folderId: folder.folderId, epoch: 1, name: 'Ops', sender: fp(alice) });
    expect(accepted.key).toEqual(folder.key);
  });
});

describe('sealFolderKeyEnvelope refuses keys the log does not name (T23, T05, T24)', () => {
  it('T23/T05: never to a key the log does not name: the relay’s escrow key or a member it made up', () => {
    const folder = team();
    expect(reason(() => seal(folder, relay))).toBe('not-member');
    // The relay appends an entry adding its own key: the manager's client cannot even replay the log, so it has
    // no state to seal from; with the last verified state, the relay's key is still no member.
    const escrow = craftEntry(relay, folder.state, { op: 'add', subject: logSubjectOf(relay), role: 'manager', autofillOnly: false, accessEndsAt: null });
    expect(() => replayFolderLog([...folder.entries, escrow])).toThrow(expect.objectContaining({ reason: 'not-authorised' }));
    expect(reason(() => seal(folder, relay))).toBe('not-member');
  });

  it('T24: never to someone the latest verified state removed, nor to a member whose access ended', () => {
    const folder = team();
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 10));
    expect(reason(() => seal(folder, bob))).toBe('not-member');
    folder.add(alice, dave, 'viewer', NOW + 11, { accessEndsAt: NOW + 50 });
    expect(reason(() => seal(folder, dave))).toBe('not-member');
    expect(reason(() => seal(folder, carol))).toBe('accepted');
  });

  it('refuses a sender who is not an active manager, my own key, an old epoch, and a key that is not the committed one', () => {
    const folder = team();
    expect(reason(() => seal(folder, carol, bob))).toBe('not-manager');
    expect(reason(() => seal(folder, alice))).toBe('to-myself');
    const first = folder.key;
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 10));
    expect(reason(() => sealFolderKeyEnvelope(alice, folder.state, { recipient: fp(carol), epoch: 1, key: first, name: 'Ops', now: NOW }))).toBe('wrong-epoch');
    expect(reason(() => sealFolderKeyEnvelope(alice, folder.state, { recipient: fp(carol), epoch: 2, key: generateKey<FolderKey>(), name: 'Ops', now: NOW }))).toBe(
      'commitment-mismatch',
    );
  });
});

describe('acceptFolderKeyEnvelope (T03, T24)', () => {
  it('T03: an envelope re-targeted to another folder is refused: by the signature when rewritten, by the log when replayed elsewhere', () => {
    const folder = team();
    const other = team();
    const text = seal(folder, bob);
    // Delivered while bob processes the other folder (its log served instead).
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(text, bob, alice), bob, other.state))).toBe('wrong-folder');
    // Any rewritten byte breaks the HPKE seal or the signature.
    const rewritten = rewrite(text, (e) => ({ ...e, ct: e.ct.slice(0, 10) + (e.ct[10] === 'A' ? 'B' : 'A') + e.ct.slice(11) }));
    expect(() => openEnvelope(rewritten, bob, alice)).toThrow(EnvelopeError);
    // Even the manager's own signature cannot make header and body name different folders or epochs.
    const split = crafted(alice, bob, bodyOf(folder), { shareId: folderShareId(other.folderId) });
    expect(() => openEnvelope(split, bob, alice)).toThrow(expect.objectContaining({ reason: 'unauthentic' }));
    const version = crafted(alice, bob, bodyOf(folder), { version: 2 });
    expect(() => openEnvelope(version, bob, alice)).toThrow(expect.objectContaining({ reason: 'unauthentic' }));
  });

  it('T03: an envelope naming an epoch other than the one at its head is refused', () => {
    const folder = team();
    const oldKey = folder.key;
    const oldHead = folder.state.head;
    folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 10));
    // Epoch 2's number with epoch 1's head.
    const mislabelled = crafted(alice, carol, bodyOf(folder, { head: oldHead }));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(mislabelled, carol, alice), carol, folder.state))).toBe('wrong-epoch');
    // Epoch 2 at its head, but carrying epoch 1's key.
    const oldKeyNewEpoch = crafted(alice, carol, bodyOf(folder, { key: toBase64(oldKey) }));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(oldKeyNewEpoch, carol, alice), carol, folder.state))).toBe('commitment-mismatch');
  });

  it('refuses a key that does not match the log’s commitment', () => {
    const folder = team();
    const wrong = crafted(alice, bob, bodyOf(folder, { key: toBase64(generateKey<FolderKey>()) }));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(wrong, bob, alice), bob, folder.state))).toBe('commitment-mismatch');
  });

  it('T24: a head beyond the served log is withheld; a head with another hash is a fork; another genesis is refused', () => {
    const folder = team();
    const served = replayFolderLog(folder.entries.slice(0, 2));
    const ahead = seal(folder, bob);
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(ahead, bob, alice), bob, served))).toBe('withheld');
    const forked = crafted(alice, bob, bodyOf(folder, { head: { seq: 2, hash: folder.state.genesis } }));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(forked, bob, alice), bob, folder.state))).toBe('fork');
    const genesis = crafted(alice, bob, bodyOf(folder, { genesis: folder.state.head.hash }));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(genesis, bob, alice), bob, folder.state))).toBe('genesis-mismatch');
  });

  it('T23: refuses a key from a member who is not a manager at its head, and a key to me when the log does not name me', () => {
    const folder = team();
    const fromEditor = crafted(bob, carol, bodyOf(folder));
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(fromEditor, carol, bob), carol, folder.state))).toBe('not-manager');
    // A genuine manager's envelope to dave, whom no entry names (sealEnvelope called directly, bypassing the checks).
    const toStranger = sealEnvelope(alice, dave, { shareId: folderShareId(folder.folderId), itemId: 'folder', version: 1, created: NOW, body: bodyOf(folder) });
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(toStranger, dave, alice), dave, folder.state))).toBe('not-member');
  });

  it('refuses a sender whose manager access had ended by date when the envelope was made', () => {
    const folder = team();
    folder.add(alice, dave, 'manager', NOW + 5, { accessEndsAt: NOW + DAY });
    const late = crafted(dave, carol, bodyOf(folder), { created: NOW + DAY });
    expect(reason(() => acceptFolderKeyEnvelope(openEnvelope(late, carol, dave), carol, folder.state))).toBe('not-manager');
  });
});
