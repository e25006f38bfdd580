/**
 * The background's vault handlers with fake platform parts (key store, settings, alarms) and an injected
 * clock: create / lock / unlock, resume after a service-worker restart (S3), "locked means locked" (S4, T13),
 * auto-lock and clipboard timers, audit events and export.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MessageType, RequestOf } from '../../lib/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../lib/vault/model/settings';
import { DELETED_RETENTION_MS } from '../../lib/vault/items/purge-deleted-items';
import { closeVault } from '../../lib/vault/keys/unlocked-vault';
import { KDF_TIMEOUT, loginInput, newDb, noteInput, PASSWORD, syntheticVault, T0 } from '../vault/fixtures';
import { MemoryKeyStore, MemorySettings, ok, startService, type Service } from './fakes';

/** A service that is already unlocked (its key in the key store, as after an unlock), with no derivation. */
async function unlockedService(settings = new MemorySettings()): Promise<Service> {
  const { db, vault } = await syntheticVault();
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  return startService(db, { keyStore, settings });
}

/** A copy's clipboard tag as a page sends it (lib/vault/model/clipboard-tag). */
const CLIP = { salt: '5a'.repeat(16), tag: '0badc0de' };
const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('vaultStatus / vaultCreate', () => {
  it('none → create → unlocked: the key is kept in the key store and auto-lock is armed', async () => {
    const service = startService(newDb(), { settings: new MemorySettings({ autoLockMinutes: 9, clipboardSeconds: 30 }) });
    expect(ok(await service.send('vaultStatus', {})).state).toBe('none');
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    expect(ok(await service.send('vaultStatus', {})).state).toBe('unlocked');
    expect(service.deps.keyStore.kept?.vaultId).toMatch(/^[0-9a-f]{32}$/);
    expect(service.deps.timers.calls).toEqual([{ arm: 9 }]);
    const { events } = ok(await service.send('auditList', {}));
    expect(events.map((e) => [e.type, e.at])).toEqual([['vault-created', T0]]);
  }, KDF_TIMEOUT);

  it('weak master password (< 8 characters) → weak-password, nothing created', async () => {
    const service = startService(newDb());
    expect(errorCode(await service.send('vaultCreate', { password: 'short12' }))).toBe('weak-password');
    expect(ok(await service.send('vaultStatus', {})).state).toBe('none');
    expect(await service.deps.db.header.count()).toBe(0);
  });

  it('a second create → vault-exists', async () => {
    const service = await unlockedService();
    expect(errorCode(await service.send('vaultCreate', { password: PASSWORD }))).toBe('vault-exists');
  });

  it('settings are readable while there is no vault', async () => {
    const service = startService(newDb());
    expect(ok(await service.send('settingsGet', {})).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('items through the handlers', () => {
  it('create, list, get, update, delete, restore', async () => {
    const service = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Shop' }) }));
    expect(ok(await service.send('itemList', {})).items).toEqual([expect.objectContaining({ state: 'ok', id, title: 'Shop' })]);
    ok(await service.send('itemUpdate', { id, item: loginInput({ title: 'Shop 2' }) }));
    expect(ok(await service.send('itemGet', { id })).item).toMatchObject({ id, rev: 2, content: { title: 'Shop 2' } });
    expect(errorCode(await service.send('itemUpdate', { id, item: noteInput() }))).toBe('invalid-request');
    expect(errorCode(await service.send('itemUpdate', { id, item: loginInput(), rev: 1 }))).toBe('conflict');
    ok(await service.send('itemDelete', { id }));
    expect(ok(await service.send('itemList', {})).items).toEqual([]);
    expect(errorCode(await service.send('itemGet', { id }))).toBe('not-found');
    ok(await service.send('itemRestore', { id }));
    expect(ok(await service.send('itemGet', { id })).item.content.title).toBe('Shop 2');
  });
});

describe('S4/T13: locked means locked', () => {
  it('after vaultLock: status locked, key store emptied, auto-lock disarmed, every key buffer zeroed', async () => {
    const service = await unlockedService();
    ok(await service.send('itemCreate', { item: loginInput() }));
    const auditBefore = await service.deps.db.audit.count();
    ok(await service.send('vaultLock', {}));
    expect(ok(await service.send('vaultStatus', {})).state).toBe('locked');
    expect(service.deps.keyStore.kept).toBeNull();
    expect(service.deps.timers.calls.at(-1)).toEqual({ disarm: true });
    expect(service.lockNotices.count).toBe(1);
    expect(service.deps.keyStore.seen.length).toBeGreaterThan(0);
    for (const key of service.deps.keyStore.seen) expect(key.every((b) => b === 0)).toBe(true);
    expect(await service.deps.db.audit.count()).toBe(auditBefore + 1); // the vault-locked event
  });

  const itemId = 'ab'.repeat(16);
  const requests: { [T in MessageType]?: RequestOf<T> } = {
    itemList: {},
    itemGet: { id: itemId },
    itemCreate: { item: loginInput() },
    itemUpdate: { id: itemId, item: loginInput() },
    itemDelete: { id: itemId },
    itemRestore: { id: itemId },
    itemRevealed: { id: itemId },
    itemCopied: { id: itemId, field: 'password', clip: CLIP },
    itemTotp: { id: itemId },
    auditList: {},
    auditExport: {},
    vaultChangePassword: { current: PASSWORD, next: 'a long enough new password' },
  };

  it.each(Object.entries(requests))('after lock, %s → locked, and no auto-lock is armed by it', async (type, payload) => {
    const service = await unlockedService();
    ok(await service.send('vaultLock', {}));
    const callsBefore = service.deps.timers.calls.length;
    const result = await service.send(type as MessageType, payload as never);
    expect(result).toEqual({ ok: false, error: { code: 'locked', message: expect.any(String) } });
    expect(service.deps.timers.calls).toHaveLength(callsBefore);
    expect(await service.deps.db.items.count()).toBe(0);
  });

  it('a failing audit write (disk full) does not stop the lock: keys and key store are still cleared', async () => {
    const service = await unlockedService();
    ok(await service.send('itemList', {}));
    vi.spyOn(service.deps.db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await service.send('vaultLock', {});
    expect(service.deps.keyStore.kept).toBeNull();
    expect(service.deps.keyStore.seen.length).toBeGreaterThan(0);
    for (const key of service.deps.keyStore.seen) expect(key.every((b) => b === 0)).toBe(true);
    expect(ok(await service.send('vaultStatus', {})).state).toBe('locked');
    expect(errorCode(await service.send('itemList', {}))).toBe('locked');
  });

  it('a damaged header (resume fails) does not stop the lock: the kept key is still dropped', async () => {
    const service = await unlockedService();
    await service.deps.db.header.update('vault', { 'kdf.m': 1024 });
    await service.send('vaultLock', {});
    expect(service.deps.keyStore.kept).toBeNull();
    expect(service.deps.timers.calls.at(-1)).toEqual({ disarm: true });
  });

  it('locking twice is harmless', async () => {
    const service = await unlockedService();
    ok(await service.send('vaultLock', {}));
    ok(await service.send('vaultLock', {}));
    expect(ok(await service.send('vaultStatus', {})).state).toBe('locked');
  });
});

describe('S3: service-worker restart', () => {
  it('a new instance over the same db and key store is still unlocked and lists the items', async () => {
    const first = await unlockedService();
    const { id } = ok(await first.send('itemCreate', { item: loginInput({ title: 'Survives' }) }));
    const restarted = startService(first.deps.db, { keyStore: first.deps.keyStore });
    expect(ok(await restarted.send('vaultStatus', {})).state).toBe('unlocked');
    expect(ok(await restarted.send('itemList', {})).items).toEqual([expect.objectContaining({ id, title: 'Survives' })]);
    expect(ok(await restarted.send('itemGet', { id })).item.content.title).toBe('Survives');
  });

  it('after lock, a new instance is locked', async () => {
    const first = await unlockedService();
    ok(await first.send('itemCreate', { item: loginInput() }));
    ok(await first.send('vaultLock', {}));
    const restarted = startService(first.deps.db, { keyStore: first.deps.keyStore });
    expect(ok(await restarted.send('vaultStatus', {})).state).toBe('locked');
    expect(errorCode(await restarted.send('itemList', {}))).toBe('locked');
  });

  it('a kept key for another vault (the vault was replaced) → locked, and the stale key is dropped', async () => {
    const { vault: other } = await syntheticVault();
    const { db } = await syntheticVault();
    const service = startService(db, { keyStore: MemoryKeyStore.holding(other) });
    expect(ok(await service.send('vaultStatus', {})).state).toBe('locked');
    expect(service.deps.keyStore.kept).toBeNull();
  });
});

describe('vaultUnlock', () => {
  it('after lock, the password unlocks again: status unlocked, clean integrity report, key kept', async () => {
    const service = startService(newDb());
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Again' }) }));
    ok(await service.send('vaultLock', {}));
    service.clock.now = T0 + 60_000;
    const { integrity } = ok(await service.send('vaultUnlock', { password: PASSWORD }));
    expect(integrity).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [], records: { missing: [], unexpected: [], rolledBack: [], quarantined: [] } });
    expect(ok(await service.send('vaultStatus', {})).state).toBe('unlocked');
    expect(service.deps.keyStore.kept).not.toBeNull();
    expect(ok(await service.send('itemGet', { id })).item.content.title).toBe('Again');
    const { events } = ok(await service.send('auditList', {}));
    expect(events.map((e) => e.type)).toEqual(['vault-created', 'item-created', 'vault-locked', 'vault-unlocked']);
    expect(events.at(-1)!.at).toBe(T0 + 60_000);
  }, KDF_TIMEOUT);

  it('unlocking removes items deleted more than 30 days earlier; a recent deletion can still be undone', async () => {
    const service = startService(newDb());
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    const { id: old } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Old' }) }));
    ok(await service.send('itemDelete', { id: old }));
    service.clock.now = T0 + DELETED_RETENTION_MS;
    const { id: recent } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Recent' }) }));
    ok(await service.send('itemDelete', { id: recent }));
    ok(await service.send('vaultLock', {}));
    service.clock.now = T0 + DELETED_RETENTION_MS + 1;
    ok(await service.send('vaultUnlock', { password: PASSWORD }));
    expect(await service.deps.db.items.get(old)).toBeUndefined();
    ok(await service.send('itemRestore', { id: recent }));
    expect(errorCode(await service.send('itemRestore', { id: old }))).toBe('not-found');
  }, KDF_TIMEOUT);

  it('failed unlocks are kept while locked and written into the audit log at their own times by the next unlock (issue 17)', async () => {
    const service = startService(newDb());
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    ok(await service.send('vaultLock', {}));
    service.clock.now = T0 + 1_000;
    expect(errorCode(await service.send('vaultUnlock', { password: 'not the password' }))).toBe('wrong-password');
    service.clock.now = T0 + 2_000;
    expect(errorCode(await service.send('vaultUnlock', { password: 'still not it' }))).toBe('wrong-password');
    // Nothing about the typed passwords is kept: only when.
    expect(service.deps.unlockFailures.times).toEqual([T0 + 1_000, T0 + 2_000]);
    service.clock.now = T0 + 3_000;
    expect(ok(await service.send('vaultUnlock', { password: PASSWORD })).failedUnlocks).toBe(2);
    const { events, chainValid } = ok(await service.send('auditList', {}));
    expect(chainValid).toBe(true);
    expect(events.slice(-3).map((e) => [e.type, e.at])).toEqual([['vault-unlocked', T0 + 3_000], ['unlock-failed', T0 + 1_000], ['unlock-failed', T0 + 2_000]]);
    expect(JSON.stringify(events)).not.toMatch(/not the password|still not it/);
    // Recorded once: the next unlock has none left.
    ok(await service.send('vaultLock', {}));
    expect(ok(await service.send('vaultUnlock', { password: PASSWORD })).failedUnlocks).toBe(0);
  }, KDF_TIMEOUT);

  it('T09/S8 a live item whose deletedAt was forged on disk while locked is not purged at unlock: it is reported, and it is still there', async () => {
    const service = startService(newDb());
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Live' }) }));
    ok(await service.send('vaultLock', {}));
    const record = (await service.deps.db.items.get(id))!;
    await service.deps.db.items.put({ ...record, deletedAt: T0 - 365 * 24 * 60 * 60 * 1000 });
    const { integrity } = ok(await service.send('vaultUnlock', { password: PASSWORD }));
    expect(integrity.quarantined).toEqual([id]);
    expect((await service.deps.db.items.get(id))?.data).toEqual(record.data);
    expect(ok(await service.send('auditList', {})).events.map((e) => e.type)).not.toContain('item-purged');
  }, KDF_TIMEOUT);

  it('vaultChangePassword with a weak new password → weak-password before any check', async () => {
    const service = await unlockedService();
    expect(errorCode(await service.send('vaultChangePassword', { current: PASSWORD, next: 'short' }))).toBe('weak-password');
  });
});

describe('auto-lock and clipboard timers', () => {
  it('every vault request re-arms auto-lock with the settings’ minutes', async () => {
    const service = await unlockedService(new MemorySettings({ autoLockMinutes: 7, clipboardSeconds: 45 }));
    ok(await service.send('itemList', {}));
    expect(service.deps.timers.calls).toEqual([{ arm: 7 }]);
    ok(await service.send('itemCreate', { item: loginInput() }));
    expect(service.deps.timers.calls).toEqual([{ arm: 7 }, { arm: 7 }]);
  });

  it('changing the settings while unlocked re-arms with the new minutes; while locked it arms nothing', async () => {
    const service = await unlockedService();
    ok(await service.send('settingsSet', { settings: { autoLockMinutes: 20, clipboardSeconds: 10 } }));
    expect(service.deps.timers.calls.at(-1)).toEqual({ arm: 20 });
    expect(ok(await service.send('settingsGet', {})).settings).toEqual({ autoLockMinutes: 20, clipboardSeconds: 10 });
    ok(await service.send('vaultLock', {}));
    const callsBefore = service.deps.timers.calls.length;
    ok(await service.send('settingsSet', { settings: { autoLockMinutes: 5, clipboardSeconds: 10 } }));
    expect(service.deps.timers.calls).toHaveLength(callsBefore);
  });

  it('itemCopied schedules the clipboard clear with the settings’ seconds and records the event', async () => {
    const service = await unlockedService(new MemorySettings({ autoLockMinutes: 15, clipboardSeconds: 45 }));
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Copied one' }) }));
    service.clock.now = T0 + 500;
    ok(await service.send('itemCopied', { id, field: 'password', clip: CLIP }));
    ok(await service.send('itemCopied', { id, field: 'username', clip: CLIP }));
    expect(service.deps.timers.calls.filter((c) => 'clipboard' in c)).toEqual([{ clipboard: 45 }, { clipboard: 45 }]);
    // The clearing gets the copy's tag, so it wipes the clipboard only while it still holds that copy.
    expect(service.deps.timers.clipboardTags).toEqual([[CLIP], [CLIP]]);
    const { events } = ok(await service.send('auditList', {}));
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ type: 'password-copied', itemId: id, itemTitle: 'Copied one', at: T0 + 500 }),
      expect.objectContaining({ type: 'username-copied', itemId: id, itemTitle: 'Copied one', at: T0 + 500 }),
    ]);
  });

  it('clipboardCopied (a generated password) schedules the clipboard clear with the settings’ seconds', async () => {
    const service = await unlockedService(new MemorySettings({ autoLockMinutes: 15, clipboardSeconds: 20 }));
    ok(await service.send('clipboardCopied', { clip: CLIP }));
    expect(service.deps.timers.calls).toContainEqual({ clipboard: 20 });
    expect(service.deps.timers.clipboardTags).toEqual([[CLIP]]);
  });

  it('itemRevealed records password-revealed with the title', async () => {
    const service = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Shown' }) }));
    ok(await service.send('itemRevealed', { id }));
    const { events } = ok(await service.send('auditList', {}));
    expect(events.at(-1)).toMatchObject({ type: 'password-revealed', itemId: id, itemTitle: 'Shown' });
  });
});

describe('favourite and trash (issue 17)', () => {
  it('itemFavourite stars and unstars without an edit: audited as such, updated time and history kept', async () => {
    const service = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ title: 'Starred' }) }));
    service.clock.now = T0 + 5_000;
    ok(await service.send('itemFavourite', { id, favourite: true }));
    expect(ok(await service.send('itemList', {})).items).toEqual([expect.objectContaining({ id, favourite: true })]);
    const { item } = ok(await service.send('itemGet', { id }));
    expect(item.content).toMatchObject({ favourite: true, updatedAt: T0 });
    ok(await service.send('itemFavourite', { id, favourite: false }));
    // Asking for the state it already has writes nothing.
    ok(await service.send('itemFavourite', { id, favourite: false }));
    const { events } = ok(await service.send('auditList', {}));
    expect(events.slice(-2).map((e) => [e.type, e.itemTitle])).toEqual([['item-favourited', 'Starred'], ['item-unfavourited', 'Starred']]);
    expect(events.some((e) => e.type === 'item-edited')).toBe(false);
  });

  it('itemTrashList lists deleted items, newest first, with when they go for good; restore takes one out', async () => {
    const service = await unlockedService();
    const { id: first } = ok(await service.send('itemCreate', { item: loginInput({ title: 'First', username: 'ann' }) }));
    const { id: second } = ok(await service.send('itemCreate', { item: noteInput({ title: 'Second' }) }));
    ok(await service.send('itemCreate', { item: loginInput({ title: 'Kept' }) }));
    service.clock.now = T0 + 10;
    ok(await service.send('itemDelete', { id: first }));
    service.clock.now = T0 + 20;
    ok(await service.send('itemDelete', { id: second }));
    const { items } = ok(await service.send('itemTrashList', {}));
    expect(items).toEqual([
      { id: second, type: 'note', title: 'Second', username: '', deletedAt: T0 + 20, purgeAt: T0 + 20 + DELETED_RETENTION_MS },
      { id: first, type: 'login', title: 'First', username: 'ann', deletedAt: T0 + 10, purgeAt: T0 + 10 + DELETED_RETENTION_MS },
    ]);
    expect(JSON.stringify(items)).not.toContain('hunter');
    ok(await service.send('itemRestore', { id: first }));
    expect(ok(await service.send('itemTrashList', {})).items.map((i) => i.id)).toEqual([second]);
  });

  it('every change is announced to open pages; reads are not (issue 17 item 9)', async () => {
    const service = startService(newDb());
    ok(await service.send('vaultCreate', { password: PASSWORD }));
    const { id } = ok(await service.send('itemCreate', { item: loginInput() }));
    ok(await service.send('itemList', {}));
    ok(await service.send('itemGet', { id }));
    ok(await service.send('itemFavourite', { id, favourite: true }));
    ok(await service.send('itemDelete', { id }));
    ok(await service.send('itemRestore', { id }));
    ok(await service.send('vaultLock', {}));
    ok(await service.send('vaultUnlock', { password: PASSWORD }));
    expect(errorCode(await service.send('itemDelete', { id: 'ff'.repeat(16) }))).toBe('not-found');
    expect(service.changes).toEqual(['created', 'items-changed', 'items-changed', 'items-changed', 'items-changed', 'unlocked']);
    // Locking has its own event.
    expect(service.lockNotices.count).toBe(1);
  }, KDF_TIMEOUT);
});

describe('itemTotp', () => {
  // RFC 6238 Appendix B: the SHA-1 secret "12345678901234567890" at T = 59 s gives 94287082 (8 digits), so 287082 with 6.
  const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('returns the current code for the injected time, with period and seconds left', async () => {
    const service = await unlockedService();
    const { id } = ok(await service.send('itemCreate', { item: loginInput({ totp: RFC_SECRET }) }));
    service.clock.now = 59_000;
    expect(ok(await service.send('itemTotp', { id }))).toEqual({ ok: true, code: '287082', period: 30, secondsLeft: 1 });
  });

  it('a login without a secret, or a note → not-found; an invalid secret → corrupted', async () => {
    const service = await unlockedService();
    const none = ok(await service.send('itemCreate', { item: loginInput({ totp: '' }) })).id;
    const note = ok(await service.send('itemCreate', { item: noteInput() })).id;
    const bad = ok(await service.send('itemCreate', { item: loginInput({ totp: 'not base32 !' }) })).id;
    expect(errorCode(await service.send('itemTotp', { id: none }))).toBe('not-found');
    expect(errorCode(await service.send('itemTotp', { id: note }))).toBe('not-found');
    expect(errorCode(await service.send('itemTotp', { id: bad }))).toBe('corrupted');
  });
});

describe('auditExport', () => {
  it('returns JSON with every event and a valid chain, and records an audit-exported event', async () => {
    const service = await unlockedService();
    ok(await service.send('itemCreate', { item: loginInput({ title: 'In the log' }) }));
    service.clock.now = Date.UTC(2024, 0, 2, 3, 4, 5);
    const { json } = ok(await service.send('auditExport', {}));
    const exported = JSON.parse(json) as { format: string; version: number; exportedAt: string; chainValid: boolean; events: { seq: number; type: string; itemTitle?: string }[] };
    expect(exported).toMatchObject({ format: 'sealpass-audit-log', version: 1, exportedAt: '2024-01-02T03:04:05.000Z', chainValid: true });
    expect(exported.events.map((e) => [e.seq, e.type])).toEqual([[1, 'item-created'], [2, 'audit-exported']]);
    expect(exported.events[0]!.itemTitle).toBe('In the log');
    const { events } = ok(await service.send('auditList', {}));
    expect(events.at(-1)).toMatchObject({ type: 'audit-exported', at: Date.UTC(2024, 0, 2, 3, 4, 5) });
  });
});
