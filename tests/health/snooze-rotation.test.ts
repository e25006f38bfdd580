/** snoozeRotation: sets or clears `rotationSnoozedUntil` at the next revision, leaves the rest, refuses notes and unknown ids. */
import { describe, expect, it } from 'vitest';
import { snoozeRotation } from '../../lib/health/snooze-rotation';
import { VaultError } from '../../lib/vault/model/vault-error';
import { createItem } from '../../lib/vault/items/create-item';
import { deleteItem } from '../../lib/vault/items/delete-item';
import { getItem } from '../../lib/vault/items/get-item';
import { loginInput, noteInput, storedManifest, syntheticVault, T0 } from '../vault/fixtures';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof VaultError ? e.code : String(e)));

describe('snoozeRotation', () => {
  it('snoozes until the given time at revision + 1, keeping content and updatedAt; null clears it', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ rotationDays: 30 }), T0);
    const before = await getItem(db, vault, id);
    await snoozeRotation(db, vault, id, T0 + 5000, T0 + 10);
    const snoozed = await getItem(db, vault, id);
    expect(snoozed).toEqual({ id, rev: 2, content: { ...before.content, rotationSnoozedUntil: T0 + 5000 } });
    expect(await storedManifest(db, vault)).toEqual(new Map([[id, 2]]));
    await snoozeRotation(db, vault, id, null, T0 + 20);
    expect(await getItem(db, vault, id)).toEqual({ id, rev: 3, content: before.content });
  });

  it('a time not after now clears the snooze instead of setting one in the past', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await snoozeRotation(db, vault, id, T0 + 5000, T0);
    await snoozeRotation(db, vault, id, T0 + 100, T0 + 100);
    expect((await getItem(db, vault, id)).content).not.toHaveProperty('rotationSnoozedUntil');
  });

  it('refuses secure notes, deleted and unknown items; nothing is written', async () => {
    const { db, vault } = await syntheticVault();
    const note = await createItem(db, vault, noteInput(), T0);
    const gone = await createItem(db, vault, loginInput(), T0);
    await deleteItem(db, vault, gone, T0);
    const records = await db.items.toArray();
    expect(await codeOf(snoozeRotation(db, vault, note, T0 + 1, T0))).toBe('not-found');
    expect(await codeOf(snoozeRotation(db, vault, gone, T0 + 1, T0))).toBe('not-found');
    expect(await codeOf(snoozeRotation(db, vault, 'f'.repeat(32), T0 + 1, T0))).toBe('not-found');
    expect(await db.items.toArray()).toEqual(records);
  });

  it('a record that does not decrypt is reported as corrupted and left alone', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const record = (await db.items.get(id))!;
    record.data.ct[0]! ^= 1;
    await db.items.put(record);
    expect(await codeOf(snoozeRotation(db, vault, id, T0 + 1, T0))).toBe('corrupted');
    expect(await db.items.get(id)).toEqual(record);
  });
});
