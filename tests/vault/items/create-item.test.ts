/** createItem / createItems: validation, the stored record, manifest, list row and audit event, all or nothing (S8). */
import { ZodError } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import type { ItemInput } from '../../../lib/vault/model/item-schema';
import { createItem, createItems } from '../../../lib/vault/items/create-item';
import { getItem } from '../../../lib/vault/items/get-item';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { loginInput, noteInput, storedManifest, syntheticVault, T0 } from '../fixtures';

describe('createItem', () => {
  it('stores a login at revision 1 and returns a random 32-hex id', async () => {
    const { db, vault } = await syntheticVault();
    const input = loginInput({ title: 'Bank', username: 'alice', password: 'p4ss', urls: ['https://bank.example.com/login'] });
    const id = await createItem(db, vault, input, T0);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const record = (await db.items.get(id))!;
    expect(record).toMatchObject({ id, rev: 1, kind: 'login', deletedAt: null });
    expect(record.domains).toHaveLength(1);
    expect(record.domains[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await getItem(db, vault, id)).toEqual({ id, rev: 1, content: { ...input, createdAt: T0, updatedAt: T0, passwordHistory: [] } });
  });

  it('stores a secure note with no domain tags', async () => {
    const { db, vault } = await syntheticVault();
    const input = noteInput({ title: 'Wi-Fi', notes: 'SSID: home\nkey: 1234', tags: ['home'], folder: 'Personal' });
    const id = await createItem(db, vault, input, T0);
    expect(await db.items.get(id)).toMatchObject({ kind: 'note', domains: [] });
    expect((await getItem(db, vault, id)).content).toEqual({ ...input, createdAt: T0, updatedAt: T0 });
  });

  it('fills defaults for a minimal login', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, { type: 'login', title: 'Minimal' }, T0);
    expect((await getItem(db, vault, id)).content).toEqual({
      type: 'login', title: 'Minimal', notes: '', fields: [], folder: '', tags: [], favourite: false,
      username: '', password: '', urls: [], totp: '', match: 'origin', createdAt: T0, updatedAt: T0, passwordHistory: [],
    });
  });

  it('T09: adds the id at revision 1 to the in-memory and the sealed manifest', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    expect(vault.manifest).toEqual(new Map([[id, 1]]));
    expect(await storedManifest(db, vault)).toEqual(new Map([[id, 1]]));
  });

  it('adds the list row (no password, no notes) and an item-created audit event with the title', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Mail', notes: 'secret notes' }), T0 + 5);
    expect(vault.summaries.get(id)).toEqual({
      state: 'ok', id, type: 'login', title: 'Mail', username: 'alice@example.com', url: 'https://accounts.example.co.uk/login',
      folder: '', tags: [], favourite: false, updatedAt: T0 + 5,
    });
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events).toEqual([expect.objectContaining({ seq: 1, at: T0 + 5, type: 'item-created', itemId: id, itemTitle: 'Mail' })]);
  });

  it('gives every item its own key (distinct wrapped keys) and a distinct id', async () => {
    const { db, vault } = await syntheticVault();
    const [a, b] = await createItems(db, vault, [loginInput(), loginInput()], T0);
    expect(a).not.toBe(b);
    const [ra, rb] = [(await db.items.get(a!))!, (await db.items.get(b!))!];
    expect(ra.wrappedKey.ct).not.toEqual(rb.wrappedKey.ct);
    expect(ra.data.ct).not.toEqual(rb.data.ct);
  });
});

describe('createItems', () => {
  it('returns ids in input order, one audit event each, all in the manifest', async () => {
    const { db, vault } = await syntheticVault();
    const ids = await createItems(db, vault, [loginInput({ title: 'one' }), noteInput({ title: 'two' }), loginInput({ title: 'three' })], T0);
    expect(ids).toHaveLength(3);
    expect(await Promise.all(ids.map(async (id) => (await getItem(db, vault, id)).content.title))).toEqual(['one', 'two', 'three']);
    expect([...(await storedManifest(db, vault)).entries()].sort()).toEqual(ids.map((id) => [id, 1]).sort());
    const { events } = await readAuditLog(db, vault);
    expect(events.map((e) => [e.type, e.itemId])).toEqual(ids.map((id) => ['item-created', id]));
  });
});

describe('createItem: invalid input throws and writes nothing (S8)', () => {
  const invalid: [string, unknown][] = [
    ['empty title', loginInput({ title: '' })],
    ['empty note title', noteInput({ title: '' })],
    ['title over 4096 characters', loginInput({ title: 'x'.repeat(4097) })],
    ['unknown type', { type: 'card', title: 'Visa' }],
    ['empty tag', loginInput({ tags: [''] })],
    ['URL that is not a string', { ...loginInput(), urls: [42] }],
  ];
  it.each(invalid)('%s → ZodError; no record, no audit event, manifest unchanged', async (_name, input) => {
    const { db, vault } = await syntheticVault();
    const manifestBefore = (await db.header.get('vault'))!.manifest;
    await expect(createItem(db, vault, input as ItemInput, T0)).rejects.toBeInstanceOf(ZodError);
    expect(await db.items.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    expect((await db.header.get('vault'))!.manifest).toEqual(manifestBefore);
    expect(vault.manifest.size).toBe(0);
    expect(vault.summaries.size).toBe(0);
  });

  it('one invalid input in a batch → none of the batch is written', async () => {
    const { db, vault } = await syntheticVault();
    await expect(createItems(db, vault, [loginInput({ title: 'fine' }), loginInput({ title: '' })], T0)).rejects.toBeInstanceOf(ZodError);
    expect(await db.items.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('a failing write leaves no record, no event and the in-memory manifest and list unchanged', async () => {
    const { db, vault } = await syntheticVault();
    const existing = await createItem(db, vault, loginInput({ title: 'existing' }), T0);
    vi.spyOn(db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(createItem(db, vault, loginInput({ title: 'lost' }), T0 + 1)).rejects.toThrow('QuotaExceededError');
    expect((await db.items.toArray()).map((r) => r.id)).toEqual([existing]);
    expect(await db.audit.count()).toBe(1);
    expect(vault.manifest).toEqual(new Map([[existing, 1]]));
    expect(await storedManifest(db, vault)).toEqual(new Map([[existing, 1]]));
    expect([...vault.summaries.keys()]).toEqual([existing]);
  });
});
