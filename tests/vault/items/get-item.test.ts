/** getItem / getLiveRecord: live items open; unknown and deleted ids are not-found; damage is corrupted (S8). */
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { getItem, getLiveRecord } from '../../../lib/vault/items/get-item';
import { loginInput, noteInput, syntheticVault, T0 } from '../fixtures';

describe('getItem', () => {
  it('opens a live item: id, revision and content', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, noteInput({ title: 'Recovery codes', notes: '1111 2222' }), T0);
    expect(await getItem(db, vault, id)).toEqual({ id, rev: 1, content: { ...noteInput({ title: 'Recovery codes', notes: '1111 2222' }), createdAt: T0, updatedAt: T0 } });
  });

  it('unknown id → not-found', async () => {
    const { db, vault } = await syntheticVault();
    await expect(getItem(db, vault, 'ff'.repeat(16))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deleted item → not-found', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await deleteItem(db, vault, id, T0 + 1);
    await expect(getItem(db, vault, id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(getLiveRecord(db, id)).rejects.toBeInstanceOf(VaultError);
  });

  it('S2/S8: a record whose ciphertext was altered → corrupted, with a message that names no content', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Tampered title' }), T0);
    const record = (await db.items.get(id))!;
    record.data.ct[0]! ^= 1;
    await db.items.put(record);
    const error = await getItem(db, vault, id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'corrupted' });
    expect(String((error as Error).message)).not.toContain('Tampered');
  });
});

describe('getLiveRecord', () => {
  it('returns the stored record of a live item', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    expect(await getLiveRecord(db, id)).toEqual(await db.items.get(id));
  });
});
