/** updateItem: a new revision under the same item key, password history, refusals that write nothing (S8). */
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ItemContent } from '../../../lib/vault/model/item-schema';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { getItem } from '../../../lib/vault/items/get-item';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { sealItem } from '../../../lib/vault/records/seal-item';
import { MAX_PASSWORD_HISTORY } from '../../../lib/vault/model/item-limits';
import { updateItem } from '../../../lib/vault/items/update-item';
import { loginInput, noteInput, storedManifest, syntheticVault, T0 } from '../fixtures';

describe('updateItem', () => {
  it('password change pushes the old password into the history with changedAt = now', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: 'first' }), T0);
    await updateItem(db, vault, id, loginInput({ password: 'second' }), T0 + 10);
    await updateItem(db, vault, id, loginInput({ password: 'third' }), T0 + 20);
    const item = await getItem(db, vault, id);
    expect(item.rev).toBe(3);
    expect(item.content).toMatchObject({
      password: 'third',
      createdAt: T0,
      updatedAt: T0 + 20,
      passwordHistory: [{ password: 'second', changedAt: T0 + 20 }, { password: 'first', changedAt: T0 + 10 }],
    });
  });

  it('an unchanged password does not add a history entry', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: 'same', title: 'before' }), T0);
    await updateItem(db, vault, id, loginInput({ password: 'same', title: 'after' }), T0 + 10);
    expect((await getItem(db, vault, id)).content).toMatchObject({ title: 'after', passwordHistory: [], updatedAt: T0 + 10 });
  });

  it('setting a first password (previously empty) adds no empty history entry', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: '' }), T0);
    await updateItem(db, vault, id, loginInput({ password: 'now set' }), T0 + 10);
    expect((await getItem(db, vault, id)).content).toMatchObject({ password: 'now set', passwordHistory: [] });
  });

  it(`keeps at most MAX_PASSWORD_HISTORY (${MAX_PASSWORD_HISTORY}) earlier passwords, newest first`, async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: 'p-current' }), T0);
    // Seed a full history directly instead of making 100 edits.
    const history = Array.from({ length: MAX_PASSWORD_HISTORY }, (_, i) => ({ password: `p-${i}`, changedAt: T0 - i }));
    const content: ItemContent = { ...(await getItem(db, vault, id)).content, passwordHistory: history } as ItemContent;
    const full = sealItem(vault, id, 1, content, (await db.items.get(id))!);
    await db.items.put(full);
    await updateItem(db, vault, id, loginInput({ password: 'p-next' }), T0 + 10);
    const after = (await getItem(db, vault, id)).content;
    if (after.type !== 'login') throw new Error('expected a login');
    expect(after.passwordHistory).toHaveLength(MAX_PASSWORD_HISTORY);
    expect(after.passwordHistory[0]).toEqual({ password: 'p-current', changedAt: T0 + 10 });
    expect(after.passwordHistory.at(-1)).toEqual({ password: `p-${MAX_PASSWORD_HISTORY - 2}`, changedAt: T0 - (MAX_PASSWORD_HISTORY - 2) });
  });

  it('updates a note; createdAt is kept', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, noteInput({ notes: 'v1' }), T0);
    await updateItem(db, vault, id, noteInput({ notes: 'v2', tags: ['t'] }), T0 + 10);
    expect((await getItem(db, vault, id)).content).toEqual({ ...noteInput({ notes: 'v2', tags: ['t'] }), createdAt: T0, updatedAt: T0 + 10 });
  });

  it('T09: re-seals under the same item key at revision + 1 and moves the manifest to it', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const before = (await db.items.get(id))!;
    await updateItem(db, vault, id, loginInput({ title: 'renamed' }), T0 + 10);
    const after = (await db.items.get(id))!;
    expect(after.rev).toBe(2);
    expect(after.wrappedKey).toEqual(before.wrappedKey);
    expect(after.data.nonce).not.toEqual(before.data.nonce);
    expect(vault.manifest.get(id)).toBe(2);
    expect((await storedManifest(db, vault)).get(id)).toBe(2);
  });

  it('recomputes the blind-index tags when the URLs change', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ urls: ['https://a.example.com'] }), T0);
    const before = (await db.items.get(id))!.domains;
    await updateItem(db, vault, id, loginInput({ urls: ['https://other.test', 'https://b.example.com'] }), T0 + 10);
    const after = (await db.items.get(id))!.domains;
    expect(after).toHaveLength(2);
    expect(after).toContain(before[0]);
  });

  it('updates the list row and records item-edited with the new title', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'old' }), T0);
    await updateItem(db, vault, id, loginInput({ title: 'new', username: 'bob' }), T0 + 10);
    expect(vault.summaries.get(id)).toMatchObject({ state: 'ok', title: 'new', username: 'bob', updatedAt: T0 + 10 });
    const { events } = await readAuditLog(db, vault);
    expect(events.at(-1)).toMatchObject({ type: 'item-edited', itemId: id, itemTitle: 'new', at: T0 + 10 });
  });
});

describe('updateItem: refusals write nothing', () => {
  it('type change (login → note) → invalid-request', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const before = await db.items.get(id);
    await expect(updateItem(db, vault, id, noteInput(), T0 + 10)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await db.items.get(id)).toEqual(before);
    expect(await db.audit.count()).toBe(1);
  });

  it('type change (note → login) → invalid-request', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, noteInput(), T0);
    await expect(updateItem(db, vault, id, loginInput(), T0 + 10)).rejects.toMatchObject({ code: 'invalid-request' });
    expect((await db.items.get(id))!.rev).toBe(1);
  });

  it('invalid input (empty title) → ZodError', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const before = await db.items.get(id);
    await expect(updateItem(db, vault, id, loginInput({ title: '' }), T0 + 10)).rejects.toBeInstanceOf(ZodError);
    expect(await db.items.get(id)).toEqual(before);
    expect(vault.manifest.get(id)).toBe(1);
  });

  it('unknown or deleted id → not-found', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await deleteItem(db, vault, id, T0 + 1);
    await expect(updateItem(db, vault, id, loginInput(), T0 + 10)).rejects.toMatchObject({ code: 'not-found' });
    await expect(updateItem(db, vault, 'ff'.repeat(16), loginInput(), T0 + 10)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a stale expected revision → conflict (the item was edited elsewhere meanwhile); the current one succeeds', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'v1' }), T0);
    await updateItem(db, vault, id, loginInput({ title: 'v2' }), T0 + 10, 1);
    await expect(updateItem(db, vault, id, loginInput({ title: 'stale' }), T0 + 20, 1)).rejects.toMatchObject({ code: 'conflict' });
    expect(await getItem(db, vault, id)).toMatchObject({ rev: 2, content: { title: 'v2' } });
    await updateItem(db, vault, id, loginInput({ title: 'v3' }), T0 + 30, 2);
    expect(await getItem(db, vault, id)).toMatchObject({ rev: 3, content: { title: 'v3' } });
  });

  it('S8: a record that does not decrypt → corrupted, and it is left as it was', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const record = (await db.items.get(id))!;
    record.wrappedKey.ct[3]! ^= 0x80;
    await db.items.put(record);
    await expect(updateItem(db, vault, id, loginInput({ title: 'x' }), T0 + 10)).rejects.toMatchObject({ code: 'corrupted' });
    expect(await db.items.get(id)).toEqual(record);
  });
});
