/** VaultSession: one unlocked vault per service worker, resumed from the key store after a restart (S3), forgotten on end (S4). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { VaultDb } from '../../../lib/db/vault-db';
import { VaultSession } from '../../../lib/vault-service/context/vault-session';
import { createItem } from '../../../lib/vault/items/create-item';
import { loginInput, syntheticVault, T0 } from '../../vault/fixtures';
import { MemoryKeyStore, MemorySettings, MemoryTagSet, RecordingBadge, RecordingTimers } from '../fakes';
import { MemoryAutofillPlatform } from '../memory-autofill-platform';

function sessionOver(db: VaultDb, keyStore = new MemoryKeyStore()) {
  const notices = { count: 0 };
  const notifyLocked = async () => {
    notices.count++;
  };
  const deps = { db, keyStore, settings: new MemorySettings(), timers: new RecordingTimers(), now: () => T0, notifyLocked, notices, neverSave: new MemoryTagSet(), autofill: new MemoryAutofillPlatform(), badge: new RecordingBadge() };
  return { session: new VaultSession(deps), ...deps };
}

describe('VaultSession', () => {
  it('S4: with nothing kept, require → locked and isUnlocked → false', async () => {
    const { db } = await syntheticVault();
    const { session } = sessionOver(db);
    await expect(session.require()).rejects.toMatchObject({ code: 'locked' });
    expect(await session.isUnlocked()).toBe(false);
  });

  it('start keeps the vault and saves its key; require returns that same vault', async () => {
    const { db, vault } = await syntheticVault();
    const { session, keyStore } = sessionOver(db);
    await session.start(vault);
    expect(await session.require()).toBe(vault);
    expect(keyStore.kept).toEqual({ vaultId: vault.vaultId, vaultKey: new Uint8Array(vault.vaultKey) });
  });

  it('S3: resumes from the key store after a restart, with the list rows decrypted again', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ title: 'Resumed' }), T0);
    const { session } = sessionOver(db, MemoryKeyStore.holding(vault));
    const resumed = await session.require();
    expect(resumed).not.toBe(vault);
    expect(bytesToHex(resumed.vaultKey)).toBe(bytesToHex(vault.vaultKey));
    expect(resumed.manifest).toEqual(vault.manifest);
    expect(resumed.summaries.get(id)).toMatchObject({ state: 'ok', title: 'Resumed' });
  });

  it('concurrent first requests share one resume (one key-store read, one vault)', async () => {
    const { db, vault } = await syntheticVault();
    const { session, keyStore } = sessionOver(db, MemoryKeyStore.holding(vault));
    const [a, b, unlocked] = await Promise.all([session.require(), session.require(), session.isUnlocked()]);
    expect(a).toBe(b);
    expect(unlocked).toBe(true);
    expect(keyStore.loads).toBe(1);
  });

  it('S4: a lock while a resume is still running leaves the session locked', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    const { session } = sessionOver(db, MemoryKeyStore.holding(vault));
    const pending = session.isUnlocked();
    await session.end();
    await pending;
    expect(await session.isUnlocked()).toBe(false);
    await expect(session.require()).rejects.toMatchObject({ code: 'locked' });
  });

  it('a kept key for another vault id → not resumed, and the key store is cleared', async () => {
    const { db } = await syntheticVault();
    const { vault: other } = await syntheticVault();
    const { session, keyStore } = sessionOver(db, MemoryKeyStore.holding(other));
    expect(await session.isUnlocked()).toBe(false);
    expect(keyStore.kept).toBeNull();
  });

  it('S4/T13: end wipes the keys, empties the key store, disarms auto-lock and tells open pages', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput(), T0);
    const { session, keyStore, timers, notices } = sessionOver(db);
    await session.start(vault);
    expect(notices.count).toBe(0);
    await session.end();
    expect(notices.count).toBe(1);
    expect(vault.vaultKey.every((b) => b === 0)).toBe(true);
    expect(vault.summaries.size).toBe(0);
    expect(keyStore.kept).toBeNull();
    expect(timers.calls).toEqual([{ disarm: true }]);
    await expect(session.require()).rejects.toMatchObject({ code: 'locked' });
  });

  it('starting another vault closes the previous one', async () => {
    const { db, vault } = await syntheticVault();
    const { vault: next } = await syntheticVault();
    const { session } = sessionOver(db);
    await session.start(vault);
    await session.start(next);
    expect(vault.vaultKey.every((b) => b === 0)).toBe(true);
    expect(await session.require()).toBe(next);
  });
});
