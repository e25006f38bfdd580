import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../../lib/crypto/generate-key';
import type { FolderKey } from '../../../../lib/crypto/keys';
import { DecryptError } from '../../../../lib/crypto/sealed';
import { openEpochKeys } from '../../../../lib/folders/format/folder-key/open-epoch-keys';
import { FolderKeyError } from '../../../../lib/folders/format/keys/folder-key-error';
import { removeMemberEntry } from '../../../../lib/folders/format/log/remove-member-entry';
import { rotateFolderKeyEntry } from '../../../../lib/folders/format/log/rotate-folder-key-entry';
import { fp, NOW, person, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');

function threeEpochs() {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'editor');
  folder.push(rotateFolderKeyEntry(alice, folder.state, folder.key, 0, NOW + 5));
  folder.push(removeMemberEntry(alice, folder.state, fp(bob), folder.key, 0, NOW + 6));
  return folder;
}

describe('openEpochKeys: the backward key chain', () => {
  it('opens every older epoch from the newest key', () => {
    const folder = threeEpochs();
    const keys = openEpochKeys(folder.state, 3, folder.keys.get(3)!);
    expect([...keys.keys()].sort()).toEqual([1, 2, 3]);
    for (const e of [1, 2, 3]) expect(keys.get(e)).toEqual(folder.keys.get(e));
  });

  it('opens from a middle epoch downwards only: a removed member’s last key reaches nothing newer', () => {
    const folder = threeEpochs();
    const keys = openEpochKeys(folder.state, 2, folder.keys.get(2)!);
    expect([...keys.keys()].sort()).toEqual([1, 2]);
  });

  it('refuses a key that is not the committed one, and an epoch the log does not have', () => {
    const folder = threeEpochs();
    expect(() => openEpochKeys(folder.state, 3, generateKey<FolderKey>())).toThrow(expect.objectContaining({ reason: 'commitment-mismatch' }));
    expect(() => openEpochKeys(folder.state, 3, folder.keys.get(2)!)).toThrow(FolderKeyError);
    expect(() => openEpochKeys(folder.state, 4, folder.keys.get(3)!)).toThrow(expect.objectContaining({ reason: 'wrong-epoch' }));
  });

  it('a corrupted wrap fails as one DecryptError', () => {
    const folder = threeEpochs();
    const state = structuredClone(folder.state);
    const wrap = state.epochs[2]!.prevKeyWrap!;
    wrap.ct = wrap.ct.slice(0, 4) + (wrap.ct[4] === 'A' ? 'B' : 'A') + wrap.ct.slice(5);
    expect(() => openEpochKeys(state, 3, folder.keys.get(3)!)).toThrow(DecryptError);
  });
});
