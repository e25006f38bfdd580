/**
 * The vault's operations with an off-worker Argon2id deriver (issue 15): a deriver that fails, or returns a key of
 * the wrong length, leaves the vault locked and unchanged with a clear error (S8); one that says it is not
 * available here falls back to hash-wasm in place, which still unlocks; one that works is what unlock uses.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { argon2id } from 'hash-wasm';
import { useArgon2idDeriver, type Argon2idDeriver } from '../../../lib/crypto/derive-master-key';
import type { KdfParams } from '../../../lib/crypto/kdf-params';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { changeMasterPassword } from '../../../lib/vault/lifecycle/change-master-password';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { unlockVault } from '../../../lib/vault/lifecycle/unlock-vault';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { copyVault, KDF_TIMEOUT, newDb, PASSWORD, pasteUnlocked, pasteVault, T0, type VaultCopy } from '../fixtures';

let template: VaultCopy;

beforeAll(async () => {
  const db = newDb();
  const vault = await createVault(db, PASSWORD, undefined, T0);
  template = await copyVault(db, vault);
  closeVault(vault);
}, KDF_TIMEOUT);

afterEach(() => useArgon2idDeriver(null));

/** What a failed derivation must leave behind: the same header and audit trail, byte for byte. */
async function snapshot(db: Awaited<ReturnType<typeof pasteVault>>) {
  return { header: structuredClone(await db.header.get('vault')), audit: await db.audit.count() };
}

const failing = (how: () => Promise<Uint8Array | null>): Argon2idDeriver => ({ derive: how });

describe('deriveVaultMasterKey through unlock, create and change', () => {
  it('a worker that fails (did not start, crashed) leaves the vault locked and unchanged, with a clear error', async () => {
    const db = await pasteVault(template);
    const before = await snapshot(db);
    useArgon2idDeriver(failing(async () => { throw new Error('Offscreen document failed to load'); }));
    const error = await unlockVault(db, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('internal');
    expect((error as VaultError).message).toMatch(/could not be derived.*Nothing was unlocked or changed/);
    expect((error as VaultError).message).not.toContain(PASSWORD);
    expect(await snapshot(db)).toEqual(before);
    // The same vault opens once the KDF works again: nothing was lost.
    useArgon2idDeriver(null);
    const { vault } = await unlockVault(db, PASSWORD);
    closeVault(vault);
  }, KDF_TIMEOUT);

  it('a key of the wrong length is refused and wiped; the vault stays locked', async () => {
    const db = await pasteVault(template);
    const before = await snapshot(db);
    const short = new Uint8Array(31).fill(5);
    useArgon2idDeriver(failing(async () => short));
    await expect(unlockVault(db, PASSWORD)).rejects.toThrow(/could not be derived/);
    expect(short).toEqual(new Uint8Array(31));
    expect(await snapshot(db)).toEqual(before);
  }, KDF_TIMEOUT);

  it('creating a vault and changing the master password fail the same way and write nothing', async () => {
    useArgon2idDeriver(failing(async () => { throw new Error('worker error'); }));
    const fresh = newDb();
    await expect(createVault(fresh, PASSWORD, undefined, T0)).rejects.toThrow(/could not be derived/);
    expect(await fresh.header.count()).toBe(0);
    const { db, vault } = await pasteUnlocked(template);
    const before = await snapshot(db);
    await expect(changeMasterPassword(db, vault, PASSWORD, 'another long master password', T0 + 1)).rejects.toThrow(/could not be derived/);
    expect(await snapshot(db)).toEqual(before);
  }, KDF_TIMEOUT);

  it('a deriver that is not available here (null) falls back to hash-wasm in place, which unlocks', async () => {
    const db = await pasteVault(template);
    let asked = 0;
    useArgon2idDeriver({ derive: async () => { asked++; return null; } });
    const { vault } = await unlockVault(db, PASSWORD);
    closeVault(vault);
    expect(asked).toBe(1);
  }, KDF_TIMEOUT);

  it('a working deriver is what unlock uses: it gets the NFKC password and the stored parameters', async () => {
    const db = await pasteVault(template);
    const seen: { password: string; params: KdfParams }[] = [];
    useArgon2idDeriver({
      derive: async (password, params) => {
        seen.push({ password, params });
        return argon2id({ password, salt: params.salt, iterations: params.t, parallelism: params.p, memorySize: params.m, hashLength: 32, outputType: 'binary' });
      },
    });
    const { vault } = await unlockVault(db, PASSWORD);
    closeVault(vault);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.password).toBe(PASSWORD.normalize('NFKC'));
    expect(seen[0]!.params.salt).toEqual(template.header.kdf.salt);
  }, KDF_TIMEOUT);
});
