/**
 * The sealed folder record (issue 13): it round-trips, is listed in the manifest at its revision, and a
 * damaged, rolled-back, removed or unlisted record is reported and never read as another folder or as
 * absent (S8, T09).
 */
import { describe, expect, it } from 'vitest';
import { commitFolders } from '../../../lib/folders/store/commit-folders';
import { getFolder, loadFolders } from '../../../lib/folders/store/folder-records';
import type { StoredFolder } from '../../../lib/folders/store/stored-folder';
import { checkFoldersAtUnlock } from '../../../lib/folders/sync/check-folders-at-unlock';
import { recordKey } from '../../../lib/vault/records/manifest';
import { flipStoredByte } from '../../sharing/flip-stored-byte';
import { person, sampleLogin } from '../../sharing/fixtures';
import { createFolderEntry } from '../../../lib/folders/format/log/create-folder-entry';
import { emptyAppliedFolder } from '../../../lib/folders/format/messages/applied-folder';
import { newStoredFolder } from '../../../lib/folders/store/new-stored-folder';
import { dumpDb, reopen, spellings, storedManifest, syntheticVault, T0 } from '../../vault/fixtures';

const B32 = 'A'.repeat(43) + '=';
const F1 = 'AAAAAAAAAAAAAAAAAAAAAA';
const F2 = 'BBBBBBBBBBBBBBBBBBBBBA';
const alice = person('alice');
const made: Record<string, ReturnType<typeof createFolderEntry>> = { [F1]: createFolderEntry(alice, T0, F1), [F2]: createFolderEntry(alice, T0, F2) };

function folder(folderId: string, name = 'Agency'): StoredFolder {
  const { entry, state } = made[folderId]!;
  const applied = emptyAppliedFolder();
  applied.items.i1 = { itemId: 'i1', rev: 1, author: B32, at: T0, item: sampleLogin('hunter2-unique-pw'), baseRev: 0, conflict: false, createdRev: 1, createdAt: T0, history: [] };
  applied.cursor = 1;
  return { ...newStoredFolder(state, [JSON.stringify(entry)], name, 'member'), keys: [{ epoch: 1, key: B32 }], applied };
}

describe('folder store', () => {
  it('seals each folder whole (S1), lists it in the manifest and opens it again after a reopen', async () => {
    const { db, vault } = await syntheticVault();
    await commitFolders(db, vault, { folders: [folder(F1), folder(F2, 'Family')] }, T0);
    await commitFolders(db, vault, { folders: [{ ...folder(F1), name: 'Agency 2' }] }, T0);
    expect((await storedManifest(db, vault)).get(recordKey('folders', F1))).toBe(2);
    const dump = JSON.stringify(await dumpDb(db));
    for (const marker of ['hunter2-unique-pw', 'Agency', 'db.example.org']) for (const s of spellings(marker)) expect(dump).not.toContain(s);
    const again = await reopen(db, vault);
    const { records, damaged } = await loadFolders(db, again);
    expect(records.map((f) => f.name)).toEqual(['Agency 2', 'Family']);
    expect(damaged).toEqual([]);
    expect(await checkFoldersAtUnlock(db, again)).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [] });
  });

  it('reports a damaged record and still opens the others (S8)', async () => {
    const { db, vault } = await syntheticVault();
    await commitFolders(db, vault, { folders: [folder(F1), folder(F2, 'Family')] }, T0);
    await flipStoredByte(db.folders, F1);
    const { records, damaged } = await loadFolders(db, vault);
    expect(records.map((f) => f.folderId)).toEqual([F2]);
    expect(damaged).toEqual([F1]);
    expect((await getFolder(db, vault, F1)).state).toBe('damaged');
    expect((await checkFoldersAtUnlock(db, vault)).quarantined).toEqual([recordKey('folders', F1)]);
  });

  it('refuses an older copy written back, a removed one and one moved to another id (T09)', async () => {
    const { db, vault } = await syntheticVault();
    await commitFolders(db, vault, { folders: [folder(F1)] }, T0);
    const old = (await db.folders.get(F1))!;
    await commitFolders(db, vault, { folders: [{ ...folder(F1), status: 'removed' }] }, T0);
    await db.folders.put(old);
    expect((await getFolder(db, vault, F1)).state).toBe('damaged');
    await db.folders.put({ ...old, rev: 2 });
    expect((await getFolder(db, vault, F1)).state).toBe('damaged');
    expect((await checkFoldersAtUnlock(db, vault)).quarantined).toEqual([recordKey('folders', F1)]);
    await db.folders.put({ ...old, id: F2 });
    expect((await checkFoldersAtUnlock(db, vault)).unexpected).toEqual([recordKey('folders', F2)]);
    await db.folders.delete(F1);
    expect((await getFolder(db, vault, F1)).state).toBe('damaged');
    expect((await checkFoldersAtUnlock(db, vault)).missing).toEqual([recordKey('folders', F1)]);
  });

  it('removes a folder and its manifest entry together; an absent one reads as absent', async () => {
    const { db, vault } = await syntheticVault();
    await commitFolders(db, vault, { folders: [folder(F1)] }, T0);
    await commitFolders(db, vault, { remove: [F1] }, T0);
    expect((await getFolder(db, vault, F1)).state).toBe('absent');
    expect((await storedManifest(db, vault)).has(recordKey('folders', F1))).toBe(false);
  });
});
