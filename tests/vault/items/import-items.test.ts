/** importItems: new items and replacements in one transaction, kept fields, one audit event, all or nothing (S8). */
import { ZodError } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { getItem } from '../../../lib/vault/items/get-item';
import type { ImportEntry } from '../../../lib/vault/model/import-entry';
import { importItems } from '../../../lib/vault/items/import-items';
import type { ImportProgress } from '../../../lib/vault/model/import-entry';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { dumpDb, loginInput, noteInput, spellings, storedManifest, syntheticVault, T0 } from '../fixtures';

const login = (title: string, extra: Partial<Extract<ImportEntry['content'], { type: 'login' }>> = {}): ImportEntry => ({
  content: { ...loginInput({ title }), ...extra },
});

/** Everything an import could touch, to compare before and after a failed one. */
async function snapshot(db: Awaited<ReturnType<typeof syntheticVault>>['db'], vault: Awaited<ReturnType<typeof syntheticVault>>['vault']) {
  return {
    header: await db.header.get('vault'),
    items: await db.items.toArray(),
    audit: await db.audit.toArray(),
    manifest: new Map(vault.manifest),
    summaries: new Map(vault.summaries),
  };
}

describe('importItems: new items', () => {
  it('stores logins and notes with defaults filled, at revision 1, with list rows and the manifest', async () => {
    const { db, vault } = await syntheticVault();
    const { added, replaced } = await importItems(db, vault, [
      { content: { type: 'login', title: 'Mail', username: 'ann', password: 'pw1', urls: ['https://mail.example.com/'] } },
      { content: { type: 'note', title: 'Alarm code', notes: '1234' } },
    ], T0);
    expect(added).toHaveLength(2);
    expect(replaced).toEqual([]);
    expect((await getItem(db, vault, added[0]!)).content).toEqual({
      type: 'login', title: 'Mail', username: 'ann', password: 'pw1', urls: ['https://mail.example.com/'], totp: '', notes: '',
      fields: [], folder: '', tags: [], favourite: false, match: 'origin', createdAt: T0, updatedAt: T0, passwordHistory: [],
    });
    expect(await getItem(db, vault, added[1]!)).toEqual({
      id: added[1], rev: 1,
      content: { type: 'note', title: 'Alarm code', notes: '1234', fields: [], folder: '', tags: [], favourite: false, createdAt: T0, updatedAt: T0 },
    });
    expect(await storedManifest(db, vault)).toEqual(new Map(added.map((id) => [id, 1])));
    expect(vault.summaries.get(added[0]!)).toMatchObject({ state: 'ok', title: 'Mail', username: 'ann', url: 'https://mail.example.com/' });
    expect(vault.summaries.get(added[1]!)).toMatchObject({ state: 'ok', type: 'note', title: 'Alarm code' });
    expect((await db.items.get(added[0]!))!.domains).toHaveLength(1);
  });

  it('keeps the times and password history an entry carries (a restore loses nothing)', async () => {
    const { db, vault } = await syntheticVault();
    const history = [{ password: 'older', changedAt: T0 - 2_000 }, { password: 'oldest', changedAt: T0 - 9_000 }];
    const { added } = await importItems(db, vault, [
      login('Kept', { createdAt: T0 - 10_000, updatedAt: T0 - 1_000, passwordHistory: history, folder: 'Work', tags: ['a'], favourite: true }),
      { content: { ...noteInput(), createdAt: T0 - 5_000 } },
    ], T0);
    expect((await getItem(db, vault, added[0]!)).content).toMatchObject({
      createdAt: T0 - 10_000, updatedAt: T0 - 1_000, passwordHistory: history, folder: 'Work', tags: ['a'], favourite: true,
    });
    // Only a creation time: the item was last changed then.
    expect((await getItem(db, vault, added[1]!)).content).toMatchObject({ createdAt: T0 - 5_000, updatedAt: T0 - 5_000 });
  });

  it('records ONE items-imported audit event with the count, not one event per item', async () => {
    const { db, vault } = await syntheticVault();
    await importItems(db, vault, Array.from({ length: 25 }, (_, i) => login(`t${i}`)), T0 + 7);
    const { events, chainValid } = await readAuditLog(db, vault);
    expect(chainValid).toBe(true);
    expect(events).toEqual([expect.objectContaining({ seq: 1, at: T0 + 7, type: 'items-imported', count: 25 })]);
    expect(events[0]).not.toHaveProperty('itemTitle');
  });

  it('S1: nothing imported is stored in clear (title, username, password, URL, notes, folder, history)', async () => {
    const { db, vault } = await syntheticVault();
    const markers = ['TitleMarkerQ7', 'user.marker.q7', 'PwMarkerQ7', 'urlmarkerq7', 'NotesMarkerQ7', 'FolderMarkerQ7', 'OldPwMarkerQ7'];
    await importItems(db, vault, [login(markers[0]!, {
      username: markers[1], password: markers[2], urls: [`https://${markers[3]}.example/`], notes: markers[4], folder: markers[5],
      passwordHistory: [{ password: markers[6]!, changedAt: T0 }],
    })], T0);
    const dump = await dumpDb(db);
    for (const marker of markers) for (const spelling of spellings(marker)) {
      expect(dump.hex).not.toContain(spelling);
      expect(dump.latin1).not.toContain(spelling);
    }
  });

  it('no entries writes nothing at all', async () => {
    const { db, vault } = await syntheticVault();
    const before = await snapshot(db, vault);
    expect(await importItems(db, vault, [], T0)).toEqual({ added: [], replaced: [] });
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('reports progress every 500 sealed entries, then the write', async () => {
    const { db, vault } = await syntheticVault();
    const seen: ImportProgress[] = [];
    await importItems(db, vault, Array.from({ length: 1_200 }, (_, i) => login(`t${i}`)), T0, (progress) => {
      seen.push(progress);
    });
    expect(seen).toEqual([
      { phase: 'sealing', done: 500, total: 1_200 },
      { phase: 'sealing', done: 1_000, total: 1_200 },
      { phase: 'sealing', done: 1_200, total: 1_200 },
      { phase: 'saving', total: 1_200 },
    ]);
    expect(await db.items.count()).toBe(1_200);
  });
});

describe('importItems: replacing duplicates', () => {
  it('updates the existing login: imported values win, empty ones keep the old, old password into history; audited as "item-replaced", not as an edit', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({
      title: 'Old title', password: 'old-pw', totp: 'JBSWY3DPEHPK3PXP', notes: 'old notes', folder: 'Old',
      tags: ['x'], urls: ['https://a.example.com/'], fields: [{ name: 'PIN', value: '1', hidden: true }, { name: 'Q', value: 'q', hidden: false }],
      match: 'domain',
    }), T0);
    const { added, replaced } = await importItems(db, vault, [{
      replaces: id,
      content: {
        type: 'login', title: 'New title', username: '', password: 'new-pw', urls: ['https://b.example.com/', 'https://a.example.com/'],
        tags: ['y'], fields: [{ name: 'PIN', value: '2', hidden: true }], createdAt: T0 + 50,
      },
    }], T0 + 100);
    expect(added).toEqual([]);
    expect(replaced).toEqual([id]);
    const item = await getItem(db, vault, id);
    expect(item.rev).toBe(2);
    expect(item.content).toEqual({
      type: 'login', title: 'New title', username: 'alice@example.com', password: 'new-pw',
      urls: ['https://b.example.com/', 'https://a.example.com/'], totp: 'JBSWY3DPEHPK3PXP', notes: 'old notes', folder: 'Old',
      tags: ['x', 'y'], favourite: false, match: 'domain',
      fields: [{ name: 'Q', value: 'q', hidden: false }, { name: 'PIN', value: '2', hidden: true }],
      createdAt: T0, updatedAt: T0 + 100, passwordHistory: [{ password: 'old-pw', changedAt: T0 + 100 }], passwordChangedAt: T0 + 100,
    });
    expect(vault.manifest.get(id)).toBe(2);
    expect(vault.summaries.get(id)).toMatchObject({ title: 'New title', updatedAt: T0 + 100 });
    const { events } = await readAuditLog(db, vault);
    expect(events.slice(1).map((e) => [e.type, e.itemId, e.itemTitle, e.count])).toEqual([
      ['items-imported', undefined, undefined, 1],
      ['item-replaced', id, 'New title', undefined],
    ]);
  });

  it('the same password adds no history entry; imported history is merged newest first', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: 'same' }), T0);
    await importItems(db, vault, [{ replaces: id, content: { ...loginInput({ password: 'same' }), passwordHistory: [{ password: 'ancient', changedAt: T0 - 5 }] } }], T0 + 1);
    expect((await getItem(db, vault, id)).content).toMatchObject({ password: 'same', passwordHistory: [{ password: 'ancient', changedAt: T0 - 5 }] });
  });

  it('keeps the rotation state a restore carries; a replace restarts the rotation clock and ends a snooze', async () => {
    const { db, vault } = await syntheticVault();
    const { added } = await importItems(db, vault, [login('R', { rotationDays: 30, passwordChangedAt: T0 - 50, rotationSnoozedUntil: T0 + 50 })], T0);
    expect((await getItem(db, vault, added[0]!)).content).toMatchObject({ rotationDays: 30, passwordChangedAt: T0 - 50, rotationSnoozedUntil: T0 + 50 });
    await importItems(db, vault, [{ replaces: added[0]!, content: loginInput({ password: 'rotated' }) }], T0 + 1);
    const content = (await getItem(db, vault, added[0]!)).content;
    expect(content).toMatchObject({ rotationDays: 30, passwordChangedAt: T0 + 1 });
    expect(content).not.toHaveProperty('rotationSnoozedUntil');
  });

  it('several entries replacing one item apply in order, each earlier password going into history', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ password: 'one' }), T0);
    const { replaced } = await importItems(db, vault, [
      { replaces: id, content: loginInput({ password: 'two' }) },
      { replaces: id, content: loginInput({ password: 'three' }) },
    ], T0 + 1);
    expect(replaced).toEqual([id]);
    const item = await getItem(db, vault, id);
    expect(item.rev).toBe(2);
    expect(item.content).toMatchObject({ password: 'three' });
    expect((item.content as { passwordHistory: { password: string }[] }).passwordHistory.map((h) => h.password).sort()).toEqual(['one', 'two']);
  });

  it('adds and replaces in one import', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const { added, replaced } = await importItems(db, vault, [login('new one'), { replaces: id, content: loginInput({ password: 'changed' }) }], T0 + 1);
    expect(added).toHaveLength(1);
    expect(replaced).toEqual([id]);
    expect(await storedManifest(db, vault)).toEqual(new Map([[id, 2], [added[0]!, 1]]));
  });
});

describe('importItems: failures leave the vault exactly as before (S8)', () => {
  it('a failing write (injected) → nothing written, manifest and list rows unchanged', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'existing' }), T0);
    const before = await snapshot(db, vault);
    vi.spyOn(db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(importItems(db, vault, [login('a'), login('b'), { replaces: id, content: loginInput({ password: 'new' }) }], T0 + 1))
      .rejects.toThrow('QuotaExceededError');
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('a failure while the records are written (injected into bulkPut) → nothing written', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ title: 'existing' }), T0);
    const before = await snapshot(db, vault);
    vi.spyOn(db.items, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(importItems(db, vault, [login('a')], T0 + 1)).rejects.toThrow('disk full');
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('one invalid entry → ZodError; none of the import is written', async () => {
    const { db, vault } = await syntheticVault();
    const before = await snapshot(db, vault);
    await expect(importItems(db, vault, [login('fine'), login('')], T0)).rejects.toBeInstanceOf(ZodError);
    await expect(importItems(db, vault, [{ content: { type: 'card', title: 'x' } } as unknown as ImportEntry], T0)).rejects.toBeInstanceOf(ZodError);
    await expect(importItems(db, vault, [{ ...login('x'), extra: 1 } as unknown as ImportEntry], T0)).rejects.toBeInstanceOf(ZodError);
    await expect(importItems(db, vault, [login('x', { createdAt: -1 })], T0)).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('replacing an item deleted meanwhile → conflict, nothing written', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    await deleteItem(db, vault, id, T0 + 1);
    const before = await snapshot(db, vault);
    const error = await importItems(db, vault, [login('new'), { replaces: id, content: loginInput() }], T0 + 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'conflict' });
    await expect(importItems(db, vault, [{ replaces: 'ff'.repeat(16), content: loginInput() }], T0 + 2)).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('replacing a note with a login → invalid-request, nothing written', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, noteInput(), T0);
    const before = await snapshot(db, vault);
    await expect(importItems(db, vault, [{ replaces: id, content: loginInput() }], T0 + 1)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('replacing a damaged item → corrupted, nothing written', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput(), T0);
    const record = (await db.items.get(id))!;
    record.data.ct[0] = record.data.ct[0]! ^ 1;
    await db.items.put(record);
    const before = await snapshot(db, vault);
    await expect(importItems(db, vault, [{ replaces: id, content: loginInput() }], T0 + 1)).rejects.toMatchObject({ code: 'corrupted' });
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('a progress callback that throws aborts the import before anything is written', async () => {
    const { db, vault } = await syntheticVault();
    const before = await snapshot(db, vault);
    await expect(importItems(db, vault, Array.from({ length: 600 }, (_, i) => login(`t${i}`)), T0, (progress) => {
      if (progress.phase === 'sealing' && progress.done === 600) throw new Error('cancelled');
    })).rejects.toThrow('cancelled');
    expect(await snapshot(db, vault)).toEqual(before);
  });

  it('S4: the vault locking between two chunks → locked, nothing written under the wiped key', async () => {
    const { db, vault } = await syntheticVault();
    const items = await db.items.toArray();
    const audit = await db.audit.toArray();
    const error = await importItems(db, vault, Array.from({ length: 700 }, (_, i) => login(`t${i}`)), T0, () => closeVault(vault)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'locked' });
    expect(await db.items.toArray()).toEqual(items);
    expect(await db.audit.toArray()).toEqual(audit);
  });
});

describe('importItems: ids', () => {
  it('gives 5,000 new items distinct 32-hex ids (drawn in more than one batch)', async () => {
    const { db, vault } = await syntheticVault();
    const { added } = await importItems(db, vault, Array.from({ length: 5_000 }, (_, i) => ({ content: noteInput({ title: `n${i}` }) })), T0);
    expect(added).toHaveLength(5_000);
    expect(new Set(added).size).toBe(5_000);
    for (const id of added) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
