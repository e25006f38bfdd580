/** update-item and rotation: a password change sets passwordChangedAt and ends a snooze; other edits keep both and the rotation period. */
import { describe, expect, it } from 'vitest';
import { snoozeRotation } from '../../../lib/health/snooze-rotation';
import { createItem } from '../../../lib/vault/items/create-item';
import { getItem } from '../../../lib/vault/items/get-item';
import type { ItemContent } from '../../../lib/vault/model/item-schema';
import { updateItem } from '../../../lib/vault/items/update-item';
import { loginInput, syntheticVault, T0 } from '../fixtures';

type Login = Extract<ItemContent, { type: 'login' }>;

async function setUp(overrides: Parameters<typeof loginInput>[0] = {}) {
  const { db, vault } = await syntheticVault();
  const id = await createItem(db, vault, loginInput({ password: 'first-pw', ...overrides }), T0);
  const read = async () => (await getItem(db, vault, id)).content as Login;
  return { db, vault, id, read };
}

describe('updateItem: rotation fields', () => {
  it('a new item has no passwordChangedAt (its age counts from createdAt)', async () => {
    const { read } = await setUp();
    expect(await read()).not.toHaveProperty('passwordChangedAt');
  });

  it('a changed password records when, and ends a snooze', async () => {
    const { db, vault, id, read } = await setUp();
    await snoozeRotation(db, vault, id, T0 + 10_000, T0 + 1);
    await updateItem(db, vault, id, loginInput({ password: 'second-pw' }), T0 + 50);
    const after = await read();
    expect(after.passwordChangedAt).toBe(T0 + 50);
    expect(after).not.toHaveProperty('rotationSnoozedUntil');
  });

  it('an edit that keeps the password keeps passwordChangedAt and the snooze', async () => {
    const { db, vault, id, read } = await setUp();
    await updateItem(db, vault, id, loginInput({ password: 'second-pw' }), T0 + 50);
    await snoozeRotation(db, vault, id, T0 + 10_000, T0 + 60);
    await updateItem(db, vault, id, loginInput({ password: 'second-pw', title: 'Renamed' }), T0 + 70);
    expect(await read()).toMatchObject({ title: 'Renamed', passwordChangedAt: T0 + 50, rotationSnoozedUntil: T0 + 10_000 });
  });

  it('setting a first password on a login that had none counts as a change', async () => {
    const { db, vault, id, read } = await setUp({ password: '' });
    await updateItem(db, vault, id, loginInput({ password: 'now-set' }), T0 + 5);
    expect((await read()).passwordChangedAt).toBe(T0 + 5);
    expect((await read()).passwordHistory).toEqual([]);
  });

  it('rotationDays is saved when given (0 = global default) and kept when an edit leaves it out', async () => {
    const { db, vault, id, read } = await setUp({ rotationDays: 30 });
    expect((await read()).rotationDays).toBe(30);
    const { rotationDays: _omitted, ...withoutPeriod } = loginInput({ password: 'first-pw', title: 'No period given' });
    await updateItem(db, vault, id, withoutPeriod, T0 + 1);
    expect(await read()).toMatchObject({ title: 'No period given', rotationDays: 30 });
    await updateItem(db, vault, id, loginInput({ password: 'first-pw', rotationDays: 0 }), T0 + 2);
    expect((await read()).rotationDays).toBe(0);
  });
});
