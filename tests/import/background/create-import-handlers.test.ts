/** itemImport and itemImportCompare through dispatchMessage: validation at the boundary, counts, progress reports, locked refusal, all or nothing. */
import { describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../../lib/vault/model/import-entry';
import { readAuditLog } from '../../../lib/vault/records/read-audit-log';
import { loginInput, noteInput, syntheticVault } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService } from '../../vault-service/fakes';

async function unlockedService() {
  const { db, vault } = await syntheticVault();
  const service = startService(db, { keyStore: MemoryKeyStore.holding(vault) });
  return { db, service };
}

describe('itemImport', () => {
  it('adds and replaces, answers with counts, lists the new items and re-arms auto-lock', async () => {
    const { service } = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Old', password: 'old' }) }));
    service.deps.timers.calls.length = 0;
    const reply = ok(await service.send('itemImport', {
      entries: [{ content: loginInput({ title: 'New' }) }, { content: noteInput({ title: 'Note' }) }, { content: loginInput({ title: 'Old', password: 'new' }), replaces: id }],
    }));
    expect(reply).toEqual({ ok: true, added: 2, replaced: 1 });
    const { items } = ok(await service.send('itemList', {}));
    expect(items.map((item) => (item.state === 'ok' ? item.title : '')).sort()).toEqual(['New', 'Note', 'Old']);
    expect((ok(await service.send('itemGet', { id })).item.content as { passwordHistory: unknown[] }).passwordHistory).toEqual([{ password: 'old', changedAt: service.clock.now }]);
    expect(service.deps.timers.calls.filter((call) => 'arm' in call).length).toBeGreaterThanOrEqual(2);
  });

  it('reports progress to open pages while it works', async () => {
    const { service } = await unlockedService();
    const seen: ImportProgress[] = [];
    service.deps.notifyImportProgress = async (progress) => {
      seen.push(progress);
    };
    ok(await service.send('itemImport', { entries: Array.from({ length: 501 }, (_, i) => ({ content: loginInput({ title: `t${i}` }) })) }));
    expect(seen).toEqual([
      { phase: 'sealing', done: 500, total: 501 },
      { phase: 'sealing', done: 501, total: 501 },
      { phase: 'saving', total: 501 },
    ]);
  });

  it('refuses an invalid entry at the boundary, naming the field only; nothing is written', async () => {
    const { db, service } = await unlockedService();
    const reply = await service.send('itemImport', { entries: [{ content: loginInput({ title: 'fine' }) }, { content: loginInput({ title: 'x', password: 'p'.repeat(5_000) }) }] });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Invalid request: entries.1.content.password is not valid.' } });
    expect(await db.items.count()).toBe(0);
    expect(await service.send('itemImport', { entries: [] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('a failing write leaves nothing behind and answers with a safe internal error', async () => {
    const { db, service } = await unlockedService();
    ok(await service.send('itemList', {}));
    vi.spyOn(db.items, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    expect(await service.send('itemImport', { entries: [{ content: loginInput() }] })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await db.items.count()).toBe(0);
    expect(ok(await service.send('itemList', {})).items).toEqual([]);
  });

  it('replacing an item that no longer exists is a conflict; nothing is written', async () => {
    const { db, service } = await unlockedService();
    const reply = await service.send('itemImport', { entries: [{ content: loginInput() }, { content: loginInput(), replaces: 'ab'.repeat(16) }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await db.items.count()).toBe(0);
  });

  it('S4: a locked vault refuses the import', async () => {
    const { db } = await syntheticVault();
    const service = startService(db);
    expect(await service.send('itemImport', { entries: [{ content: loginInput() }] })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('S4: a lock during the import (between two chunks) aborts it; nothing is written', async () => {
    const { db, vault } = await syntheticVault();
    const service = startService(db, { keyStore: MemoryKeyStore.holding(vault) });
    ok(await service.send('itemList', {}));
    service.deps.notifyImportProgress = async () => {
      await service.send('vaultLock', {});
    };
    const reply = await service.send('itemImport', { entries: Array.from({ length: 600 }, () => ({ content: loginInput() })) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await db.items.count()).toBe(0);
  });

  it('audits one items-imported event with the count', async () => {
    const { db, vault } = await syntheticVault();
    const service = startService(db, { keyStore: MemoryKeyStore.holding(vault) });
    ok(await service.send('itemImport', { entries: [{ content: loginInput() }, { content: loginInput() }] }));
    const { events } = ok(await service.send('auditList', {}));
    expect(events.map((event) => [event.type, event.count])).toEqual([['items-imported', 2]]);
    expect((await readAuditLog(db, vault)).chainValid).toBe(true);
  });
});

describe('itemImportCompare', () => {
  it('answers same or different per pair, null for an item that is gone, and never an existing password', async () => {
    const { service } = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Old', password: 'existing-pw' }) }));
    const { id: note } = ok(await service.send('itemCreate', { item: noteInput({ title: 'N' }) }));
    const reply = ok(await service.send('itemImportCompare', {
      pairs: [{ id, password: 'existing-pw' }, { id, password: 'other' }, { id: note, password: '' }, { id: 'gone', password: 'x' }],
    }));
    expect(reply).toEqual({ ok: true, same: [true, false, false, null] });
    expect(JSON.stringify(reply)).not.toContain('existing-pw');
  });

  it('is refused while locked and for content scripts', async () => {
    const { db } = await syntheticVault();
    const locked = startService(db);
    expect(await locked.send('itemImportCompare', { pairs: [] })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const { service } = await unlockedService();
    expect(await service.sendFrom({ kind: 'content-script', tabId: 1, frameId: 0, url: 'https://evil.example/' }, 'itemImportCompare', { pairs: [] }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
