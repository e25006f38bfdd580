/** restoreExportItems: adds an export's items in one transaction, skips ones already in the vault, keeps what was there, writes nothing on failure. */
import { describe, expect, it } from 'vitest';
import { restoreExportItems } from '../../lib/export/restore-export-items';
import { createItem } from '../../lib/vault/items/create-item';
import { openLiveItems } from '../../lib/vault/items/open-live-items';
import { readAuditLog } from '../../lib/vault/records/read-audit-log';
import { contentOf, loginInput, syntheticVault, T0 } from '../vault/fixtures';
import { FULL_NOTE, sortedJson } from './export-fixtures';

const NOTE_B = { ...FULL_NOTE, title: 'Second note' };

describe('restoreExportItems', () => {
  it('adds every item next to those already there, with one items-imported audit event', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ title: 'Already here' }), T0);
    expect(await restoreExportItems(db, vault, [FULL_NOTE, NOTE_B], T0 + 1)).toEqual({ added: 2, skipped: 0 });
    const contents = (await openLiveItems(db, vault)).items.map((i) => i.content);
    expect(sortedJson(contents)).toEqual(sortedJson([contentOf(loginInput({ title: 'Already here' }), T0), FULL_NOTE, NOTE_B]));
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'items-imported', count: 2, at: T0 + 1 });
  });

  it('restoring the same file again skips the items already restored', async () => {
    const { db, vault } = await syntheticVault();
    await restoreExportItems(db, vault, [FULL_NOTE, NOTE_B], T0);
    expect(await restoreExportItems(db, vault, [FULL_NOTE, NOTE_B, { ...NOTE_B, notes: 'changed' }], T0 + 1)).toEqual({ added: 1, skipped: 2 });
    expect((await openLiveItems(db, vault)).items).toHaveLength(3);
  });

  it('two equal items inside one export stay two', async () => {
    const { db, vault } = await syntheticVault();
    expect(await restoreExportItems(db, vault, [FULL_NOTE, FULL_NOTE], T0)).toEqual({ added: 2, skipped: 0 });
  });

  it('a failed write leaves the vault as it was (one transaction)', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    const before = await db.items.toArray();
    // Without its header row the commit cannot move the manifest and aborts the whole transaction.
    const header = (await db.header.get('vault'))!;
    await db.header.delete('vault');
    await expect(restoreExportItems(db, vault, [FULL_NOTE, NOTE_B], T0 + 1)).rejects.toThrow();
    await db.header.put(header);
    expect(await db.items.toArray()).toEqual(before);
  });
});
