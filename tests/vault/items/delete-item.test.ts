/** deleteItem / restoreItem: undoable deletion at a new revision; refusals; quarantined records (S8). */
import { describe, expect, it } from 'vitest';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem, restoreItem } from '../../../lib/vault/items/delete-item';
import { getItem } from '../../../lib/vault/items/get-item';
import { checkVaultIntegrity } from '../../../lib/vault/lifecycle/check-vault-integrity';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { loginInput, reopen, storedManifest, syntheticVault, T0 } from '../fixtures';

describe('deleteItem', () => {
  it('the item is no longer listed and getItem → not-found; the record stays, marked, at revision + 1', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Gone' }), T0);
    const kept = await createItem(db, vault, loginInput({ title: 'Kept' }), T0);
    await deleteItem(db, vault, id, T0 + 10);
    expect([...vault.summaries.keys()]).toEqual([kept]);
    await expect(getItem(db, vault, id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.items.get(id)).toMatchObject({ rev: 2, deletedAt: T0 + 10 });
    expect((await storedManifest(db, vault)).get(id)).toBe(2);
    // A fresh list built from the table (as at unlock) leaves it out as well.
    expect([...(await reopen(db, vault)).summaries.keys()]).toEqual([kept]);
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'item-deleted', itemId: id, itemTitle: 'Gone', at: T0 + 10 });
  });

  it('deleting twice, or an unknown id → not-found', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await deleteItem(db, vault, id, T0 + 1);
    await expect(deleteItem(db, vault, id, T0 + 2)).rejects.toMatchObject({ code: 'not-found' });
    await expect(deleteItem(db, vault, 'ff'.repeat(16), T0 + 2)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('restoreItem', () => {
  it('brings the item back with the same content, at revision + 1', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Back', password: 'pw' }), T0);
    const content = (await getItem(db, vault, id)).content;
    const row = vault.summaries.get(id);
    await deleteItem(db, vault, id, T0 + 10);
    await restoreItem(db, vault, id, T0 + 20);
    expect(await getItem(db, vault, id)).toEqual({ id, rev: 3, content });
    expect(vault.summaries.get(id)).toEqual(row);
    expect(await db.items.get(id)).toMatchObject({ deletedAt: null });
    expect((await storedManifest(db, vault)).get(id)).toBe(3);
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'item-restored', itemId: id, itemTitle: 'Back', at: T0 + 20 });
  });

  it('restoring a live item, or an unknown id → not-found', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await expect(restoreItem(db, vault, id, T0 + 1)).rejects.toMatchObject({ code: 'not-found' });
    await expect(restoreItem(db, vault, 'ff'.repeat(16), T0 + 1)).rejects.toMatchObject({ code: 'not-found' });
    expect((await db.items.get(id))!.rev).toBe(1);
  });
});

describe('S8: a quarantined record can still be deleted', () => {
  it('is removed for good (it cannot be re-sealed as deleted), leaves the manifest, and cannot be restored', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const record = (await db.items.get(id))!;
    record.data.ct[0]! ^= 1;
    await db.items.put(record);
    await checkVaultIntegrity(db, vault);

    await deleteItem(db, vault, id, T0 + 10);
    expect(await db.items.get(id)).toBeUndefined();
    expect(vault.summaries.has(id)).toBe(false);
    expect(vault.manifest.has(id)).toBe(false);
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'item-deleted', itemId: id });
    expect(events.at(-1)).not.toHaveProperty('itemTitle');

    await expect(restoreItem(db, vault, id, T0 + 20)).rejects.toMatchObject({ code: 'not-found' });
    await expect(getItem(db, vault, id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
