/**
 * changeMasterPassword: the new password works and the old one no longer does; a wrong current password
 * changes nothing; a write that fails midway leaves the old password working and the items intact (S8).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { argon2id } from 'hash-wasm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { openAuditRecord } from '../../../lib/vault/records/audit-chain';
import { changeMasterPassword } from '../../../lib/vault/lifecycle/change-master-password';
import { createItem } from '../../../lib/vault/items/create-item';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { getItem } from '../../../lib/vault/items/get-item';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { unlockVault } from '../../../lib/vault/lifecycle/unlock-vault';
import { copyVault, KDF_TIMEOUT, loginInput, newDb, PASSWORD, pasteUnlocked, T0, type VaultCopy } from '../fixtures';

vi.mock('hash-wasm', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hash-wasm')>();
  return { ...actual, argon2id: vi.fn(actual.argon2id) };
});

const NEXT = 'a brand new master password';

let template: VaultCopy;
let itemId: string;

beforeAll(async () => {
  const db = newDb();
  const vault = await createVault(db, PASSWORD, undefined, T0);
  itemId = await createItem(db, vault, loginInput({ title: 'kept', password: 'kept-password' }), T0 + 1);
  template = await copyVault(db, vault);
  closeVault(vault);
}, KDF_TIMEOUT);

beforeEach(() => {
  vi.mocked(argon2id).mockClear();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof VaultError ? error.code : `not a VaultError: ${String(error)}`),
  );

describe('changeMasterPassword', () => {
  it('S5: the new password unlocks the same vault, the old one is refused, with fresh salt and default parameters', async () => {
    const { db, vault } = await pasteUnlocked(template);
    await changeMasterPassword(db, vault, PASSWORD, NEXT, T0 + 10);
    const header = (await db.header.get('vault'))!;
    expect(header.kdf).toMatchObject({ alg: 'argon2id', m: 65536, t: 3, p: 4 });
    expect(bytesToHex(header.kdf.salt)).not.toBe(bytesToHex(template.header.kdf.salt));
    expect(header.manifest).toEqual(template.header.manifest); // only the key wrap changed

    const last = await db.audit.orderBy('seq').last();
    expect(openAuditRecord(vault.vaultKey, vault.vaultId, last!)).toEqual({ at: T0 + 10, type: 'master-password-changed' });

    expect(await codeOf(unlockVault(db, PASSWORD, T0 + 11))).toBe('wrong-password');
    const { vault: reopened, integrity } = await unlockVault(db, NEXT, T0 + 12);
    expect(bytesToHex(reopened.vaultKey)).toBe(bytesToHex(template.vaultKey));
    expect(integrity.quarantined).toEqual([]);
    expect((await getItem(db, reopened, itemId)).content).toMatchObject({ title: 'kept', password: 'kept-password' });
  }, KDF_TIMEOUT);

  it('wrong current password → wrong-password; header and audit log unchanged, no re-wrap derivation', async () => {
    const { db, vault } = await pasteUnlocked(template);
    expect(await codeOf(changeMasterPassword(db, vault, 'not the password', NEXT, T0 + 10))).toBe('wrong-password');
    expect(argon2id).toHaveBeenCalledTimes(1);
    expect(await db.header.get('vault')).toEqual(template.header);
    expect(await db.audit.count()).toBe(template.audit.length);
  }, KDF_TIMEOUT);

  it('S8: the header write fails midway → the old password still unlocks and the items are intact', async () => {
    const { db, vault } = await pasteUnlocked(template);
    vi.spyOn(db.header, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(changeMasterPassword(db, vault, PASSWORD, NEXT, T0 + 10)).rejects.toThrow('QuotaExceededError');

    expect(await db.header.get('vault')).toEqual(template.header);
    expect(await db.audit.count()).toBe(template.audit.length);
    const { vault: reopened } = await unlockVault(db, PASSWORD, T0 + 11);
    expect((await getItem(db, reopened, itemId)).content).toMatchObject({ title: 'kept', password: 'kept-password' });
  }, KDF_TIMEOUT);

  it('S8: the audit write after the header write fails → the header write is rolled back with it (one transaction)', async () => {
    const { db, vault } = await pasteUnlocked(template);
    vi.spyOn(db.audit, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(changeMasterPassword(db, vault, PASSWORD, NEXT, T0 + 10)).rejects.toThrow('QuotaExceededError');
    expect(await db.header.get('vault')).toEqual(template.header);
    expect(await db.audit.count()).toBe(template.audit.length);
  }, KDF_TIMEOUT);
});
