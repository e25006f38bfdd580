/** createVault: the header it writes, the unlocked state it returns, and refusal to overwrite a vault. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { argon2id } from 'hash-wasm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveSubkey } from '../../../lib/crypto/derive-subkey';
import type { HeaderRecord, VaultDb } from '../../../lib/db/vault-db';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { openAuditRecord } from '../../../lib/vault/records/audit-chain';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { openManifest } from '../../../lib/vault/records/manifest';
import type { UnlockedVault } from '../../../lib/vault/keys/unlocked-vault';
import { KDF_TIMEOUT, newDb, PASSWORD, T0 } from '../fixtures';

vi.mock('hash-wasm', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hash-wasm')>();
  return { ...actual, argon2id: vi.fn(actual.argon2id) };
});

beforeEach(() => {
  vi.mocked(argon2id).mockClear();
});

describe('createVault', () => {
  let db: VaultDb;
  let vault: UnlockedVault;
  let header: HeaderRecord;

  beforeAll(async () => {
    db = newDb();
    vault = await createVault(db, PASSWORD, undefined, T0);
    header = (await db.header.get('vault'))!;
  }, KDF_TIMEOUT);

  it('S5: writes the header with the default KDF (Argon2id 0x13, 64 MiB, t=3, p=4) and a 16-byte random salt', () => {
    expect(header).toMatchObject({ id: 'vault', formatVersion: 1, kdf: { alg: 'argon2id', version: 0x13, m: 65536, t: 3, p: 4 } });
    expect(header.kdf.salt).toBeInstanceOf(Uint8Array);
    expect(header.kdf.salt).toHaveLength(16);
    expect(header.vaultId).toMatch(/^[0-9a-f]{32}$/);
    expect(header.vaultId).toBe(vault.vaultId);
  });

  it('S2: stores the vault key only wrapped, as a versioned sealed object', () => {
    expect(header.wrappedVaultKey).toMatchObject({ v: 1, alg: 'xchacha20poly1305' });
    expect(header.wrappedVaultKey.nonce).toHaveLength(24);
    expect(header.wrappedVaultKey.ct).toHaveLength(32 + 16);
    expect(bytesToHex(header.wrappedVaultKey.ct)).not.toContain(bytesToHex(vault.vaultKey));
  });

  it('T09: seals an empty manifest under the vault key', () => {
    expect(openManifest(vault.vaultKey, vault.vaultId, header.manifest)).toEqual(new Map());
  });

  it('returns the vault unlocked: 32-byte vault key, subkeys derived from it, empty manifest and list', () => {
    expect(vault.vaultKey).toHaveLength(32);
    expect(bytesToHex(vault.indexKey)).toBe(bytesToHex(deriveSubkey(vault.vaultKey, 'blind-index')));
    expect(bytesToHex(vault.auditKey)).toBe(bytesToHex(deriveSubkey(vault.vaultKey, 'audit-chain')));
    expect(vault.manifest.size).toBe(0);
    expect(vault.summaries.size).toBe(0);
  });

  it('records one vault-created audit event at the injected time', async () => {
    const records = await db.audit.toArray();
    expect(records.map((r) => r.seq)).toEqual([1]);
    expect(openAuditRecord(vault.vaultKey, vault.vaultId, records[0]!)).toEqual({ at: T0, type: 'vault-created' });
  });

  it('vault-exists on a second create: refused before any derivation and nothing is overwritten', async () => {
    const error = await createVault(db, 'another password', undefined, T0 + 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'vault-exists' });
    expect(argon2id).not.toHaveBeenCalled();
    expect(await db.header.get('vault')).toEqual(header);
    expect(await db.audit.count()).toBe(1);
  });
});
