/** purgeDeletedItems: items deleted over 30 days ago are removed for good, with the manifest; newer ones stay. */
import { describe, expect, it } from 'vitest';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem, restoreItem } from '../../../lib/vault/items/delete-item';
import { DELETED_RETENTION_MS, purgeDeletedItems } from '../../../lib/vault/items/purge-deleted-items';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { loginInput, syntheticVault, T0 } from '../fixtures';

describe('purgeDeletedItems', () => {
  it('removes items deleted more than 30 days ago, keeps recent deletions and live items', async () => {
    const { db, vault } = await syntheticVault();
    const live = await createItem(db, vault, loginInput({ title: 'live' }), T0);
    const old = await createItem(db, vault, loginInput({ title: 'old' }), T0);
    const recent = await createItem(db, vault, loginInput({ title: 'recent' }), T0);
    await deleteItem(db, vault, old, T0);
    await deleteItem(db, vault, recent, T0 + DELETED_RETENTION_MS);

    expect(await purgeDeletedItems(db, vault, T0 + DELETED_RETENTION_MS + 1)).toEqual({ purged: 1, damaged: [] });
    expect(await db.items.get(old)).toBeUndefined();
    expect(vault.manifest.has(old)).toBe(false);
    expect((await db.items.get(recent))?.deletedAt).toBe(T0 + DELETED_RETENTION_MS);
    expect((await db.items.get(live))?.deletedAt).toBeNull();
    await expect(restoreItem(db, vault, old, T0 + DELETED_RETENTION_MS + 2)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('does nothing (and writes nothing) when no deletion has expired', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    const header = await db.header.get('vault');
    expect(await purgeDeletedItems(db, vault, T0 + DELETED_RETENTION_MS * 10)).toEqual({ purged: 0, damaged: [] });
    expect(await db.header.get('vault')).toEqual(header);
  });

  it('T09/S8 a forged deletedAt on a live item (set a year back on disk) does not purge it: only records that open as deleted go', async () => {
    const { db, vault } = await syntheticVault();
    const live = await createItem(db, vault, loginInput({ title: 'still mine' }), T0);
    const record = (await db.items.get(live))!;
    await db.items.put({ ...record, deletedAt: T0 - 365 * 24 * 60 * 60 * 1000 });
    expect(await purgeDeletedItems(db, vault, T0)).toEqual({ purged: 0, damaged: [live] });
    expect(await db.items.get(live)).toEqual({ ...record, deletedAt: T0 - 365 * 24 * 60 * 60 * 1000 });
    expect(vault.manifest.get(live)).toBe(record.rev);
    // Listed as damaged, not as the live item its overview row still says it is.
    expect(vault.summaries.get(live)).toEqual({ state: 'quarantined', id: live });
  });

  it('records an item-purged event for each item removed for good', async () => {
    const { db, vault } = await syntheticVault();
    const old = await createItem(db, vault, loginInput({ title: 'old' }), T0);
    await deleteItem(db, vault, old, T0);
    expect(await purgeDeletedItems(db, vault, T0 + DELETED_RETENTION_MS + 1)).toEqual({ purged: 1, damaged: [] });
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'item-purged', itemId: old, itemTitle: 'old', at: T0 + DELETED_RETENTION_MS + 1 });
  });
});
