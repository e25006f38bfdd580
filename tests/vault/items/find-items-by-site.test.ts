/** findItemsBySite: the blind-index lookup by registrable domain; deleted and damaged items are never offered (S1, S8). */
import { describe, expect, it } from 'vitest';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem, restoreItem } from '../../../lib/vault/items/delete-item';
import { findItemsBySite } from '../../../lib/vault/items/find-items-by-site';
import { loginInput, noteInput, syntheticVault, T0 } from '../fixtures';

const titles = (items: { content: { title: string } }[]) => items.map((i) => i.content.title).sort();

describe('findItemsBySite', () => {
  it('finds a login by registrable domain: https://accounts.example.co.uk/login matches any example.co.uk page', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'UK', urls: ['https://accounts.example.co.uk/login'] }), T0);
    await createItem(db, vault, loginInput({ title: 'COM', urls: ['https://example.com/'] }), T0);
    const found = await findItemsBySite(db, vault, 'https://www.example.co.uk/checkout');
    expect(found).toEqual([expect.objectContaining({ id, rev: 1, content: expect.objectContaining({ title: 'UK' }) })]);
    expect(titles(await findItemsBySite(db, vault, 'example.co.uk'))).toEqual(['UK']);
    expect(await findItemsBySite(db, vault, 'https://co.uk/')).toEqual([]);
    expect(await findItemsBySite(db, vault, 'https://example.org/')).toEqual([]);
  });

  it('finds every login that lists the site among several URLs', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ title: 'both', urls: ['https://a.test/', 'https://shop.example.com/'] }), T0);
    await createItem(db, vault, loginInput({ title: 'one', urls: ['https://example.com/'] }), T0);
    await createItem(db, vault, noteInput({ title: 'note mentioning example.com', notes: 'https://example.com' }), T0);
    expect(titles(await findItemsBySite(db, vault, 'https://example.com/login'))).toEqual(['both', 'one']);
    expect(titles(await findItemsBySite(db, vault, 'https://a.test/'))).toEqual(['both']);
  });

  it('ignores deleted items, and finds them again once restored', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ urls: ['https://example.com/'] }), T0);
    await deleteItem(db, vault, id, T0 + 1);
    expect(await findItemsBySite(db, vault, 'https://example.com/')).toEqual([]);
    await restoreItem(db, vault, id, T0 + 2);
    expect(await findItemsBySite(db, vault, 'https://example.com/')).toHaveLength(1);
  });

  it('returns [] for a URL without a host', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    for (const url of ['', 'https://', 'not a url']) expect(await findItemsBySite(db, vault, url)).toEqual([]);
  });

  it('matches IP addresses and localhost by the host itself', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ title: 'router', urls: ['http://192.168.1.10:8080/'] }), T0);
    await createItem(db, vault, loginInput({ title: 'dev', urls: ['http://localhost:3000/'] }), T0);
    expect(titles(await findItemsBySite(db, vault, 'http://192.168.1.10/admin'))).toEqual(['router']);
    expect(titles(await findItemsBySite(db, vault, 'http://localhost:5173/'))).toEqual(['dev']);
    expect(await findItemsBySite(db, vault, 'http://192.168.1.11/')).toEqual([]);
  });

  it('S8: skips a record that does not decrypt, still returns the others', async () => {
    const { db, vault } = await syntheticVault();
    const bad = await createItem(db, vault, loginInput({ title: 'bad' }), T0);
    await createItem(db, vault, loginInput({ title: 'good' }), T0);
    const record = (await db.items.get(bad))!;
    record.data.ct[0]! ^= 1;
    await db.items.put(record);
    expect(titles(await findItemsBySite(db, vault, 'https://example.co.uk/'))).toEqual(['good']);
  });

  it('S1/T07: the stored tags do not contain the domain text', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ urls: ['https://accounts.example.co.uk/login', 'https://192.168.1.10/'] }), T0);
    const [record] = await db.items.toArray();
    expect(record!.domains).toHaveLength(2);
    for (const tag of record!.domains) {
      expect(tag).toMatch(/^[0-9a-f]{64}$/);
      for (const text of ['example', 'co.uk', '192.168']) {
        expect(tag).not.toContain(text);
        expect(tag).not.toContain(Buffer.from(text).toString('hex'));
      }
    }
  });
});
