/**
 * unlockVault, readHeader, unwrapWithMasterKey, openVault, wrapVaultKey: the round trip, refusals,
 * quarantine of tampered records (S2, S8, T08), the manifest check (T09), KDF downgrade (S5, T10) and
 * re-wrapping of old parameters (T12).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { argon2id } from 'hash-wasm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveMasterKey } from '../../../lib/crypto/derive-master-key';
import { asKey, type VaultKey } from '../../../lib/crypto/keys';
import type { HeaderRecord, ItemRecord, VaultDb } from '../../../lib/db/vault-db';
import { VaultError } from '../../../lib/vault/model/vault-error';
import type { IntegrityReport } from '../../../lib/vault/model/integrity-report';
import { openAuditRecord } from '../../../lib/vault/records/audit-chain';
import { createItem } from '../../../lib/vault/items/create-item';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { getItem } from '../../../lib/vault/items/get-item';
import type { ItemSummary } from '../../../lib/vault/model/item-schema';
import { closeVault, type UnlockedVault } from '../../../lib/vault/keys/unlocked-vault';
import { readHeader, unlockVault, unwrapWithMasterKey } from '../../../lib/vault/lifecycle/unlock-vault';
import { openVault } from '../../../lib/vault/lifecycle/open-vault-lists';
import { checkVaultIntegrity } from '../../../lib/vault/lifecycle/check-vault-integrity';
import { updateItem } from '../../../lib/vault/items/update-item';
import { overviewBucketOf } from '../../../lib/vault/records/overview-bucket';
import { copyVault, KDF_TIMEOUT, loginInput, newDb, noteInput, PASSWORD, pasteUnlocked, pasteVault, T0, type VaultCopy } from '../fixtures';

// Pass-through spy: the real hash-wasm runs, but tests can see whether (and with which parameters) a
// derivation happened, which is how "refused before any derivation" is shown without timing (S5).
vi.mock('hash-wasm', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hash-wasm')>();
  return { ...actual, argon2id: vi.fn(actual.argon2id) };
});

const derivations = () => vi.mocked(argon2id).mock.calls.map(([options]) => options);

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'] as const;
type Name = (typeof NAMES)[number];

let template: VaultCopy;
let ids: Record<Name, string>;
/** `alpha` at revision 1, saved before it was edited (for the rollback case). */
let alphaRev1: ItemRecord;

beforeAll(async () => {
  const db = newDb();
  const vault = await createVault(db, PASSWORD, undefined, T0);
  const entries: [Name, string][] = [];
  for (const [i, name] of NAMES.entries()) {
    const input = name === 'charlie' || name === 'foxtrot'
      ? noteInput({ title: name, notes: `${name} notes` })
      : loginInput({ title: name, username: `${name}@example.com`, password: `${name}-password` });
    entries.push([name, await createItem(db, vault, input, T0 + i + 1)]);
  }
  ids = Object.fromEntries(entries) as Record<Name, string>;
  alphaRev1 = structuredClone((await db.items.get(ids.alpha))!);
  await updateItem(db, vault, ids.alpha, loginInput({ title: 'alpha', password: 'alpha-password-2' }), T0 + 100);
  template = await copyVault(db, vault);
  closeVault(vault);
}, KDF_TIMEOUT);

beforeEach(() => {
  vi.mocked(argon2id).mockClear();
});

const emptyReport: IntegrityReport = { missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] };
const sorted = (list: readonly string[]) => [...list].sort();
const errorOf = async (promise: Promise<unknown>): Promise<VaultError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
};

async function record(db: VaultDb, id: string): Promise<ItemRecord> {
  const found = await db.items.get(id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

async function header(db: VaultDb): Promise<HeaderRecord> {
  const found = await db.header.get('vault');
  if (!found) throw new Error('no header');
  return found;
}

describe('unlockVault: round trip', () => {
  it('create → lock (closeVault) → unlock with the same password opens the same vault and items', async () => {
    const { db, vault } = await pasteUnlocked(template);
    const rowsBefore = [...vault.summaries.values()];
    const keys = [vault.vaultKey, vault.indexKey, vault.auditKey];

    closeVault(vault);
    // S4: the in-memory keys are zeroed and the plaintext rows dropped.
    for (const key of keys) expect(key.every((b) => b === 0)).toBe(true);
    expect(vault.summaries.size).toBe(0);
    expect(vault.manifest.size).toBe(0);

    const { vault: reopened, integrity } = await unlockVault(db, PASSWORD, T0 + 1000);
    expect(integrity).toEqual(emptyReport);
    expect(reopened.vaultId).toBe(template.vaultId);
    expect(bytesToHex(reopened.vaultKey)).toBe(bytesToHex(template.vaultKey));
    expect([...reopened.summaries.values()]).toEqual(rowsBefore);
    expect((await getItem(db, reopened, ids.bravo)).content).toMatchObject({ title: 'bravo', password: 'bravo-password' });
    expect(derivations()).toHaveLength(1);

    const last = await db.audit.orderBy('seq').last();
    expect(openAuditRecord(reopened.vaultKey, reopened.vaultId, last!)).toEqual({ at: T0 + 1000, type: 'vault-unlocked' });
  }, KDF_TIMEOUT);

  it('no-vault when the database has no header, before any derivation', async () => {
    const error = await errorOf(unlockVault(newDb(), PASSWORD, T0));
    expect(error.code).toBe('no-vault');
    expect(derivations()).toHaveLength(0);
  });

  it('wrong password → VaultError wrong-password, and nothing is written', async () => {
    const db = await pasteVault(template);
    const error = await errorOf(unlockVault(db, 'not the password', T0));
    expect(error.code).toBe('wrong-password');
    expect(await db.audit.count()).toBe(template.audit.length);
    expect(await header(db)).toEqual(template.header);
  }, KDF_TIMEOUT);
});

describe('unlockVault: S2/T08 tampered item records are listed from the buckets, reported when opened and by the integrity check (S8, issue 15)', () => {
  let db: VaultDb;
  let vault: UnlockedVault;
  let integrity: IntegrityReport;
  let originals: Record<Name, ItemRecord>;

  beforeAll(async () => {
    db = await pasteVault(template);
    originals = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await record(db, ids[n])] as const))) as Record<Name, ItemRecord>;
    const { alpha, bravo, charlie, delta, echo, foxtrot } = originals;
    await db.items.bulkPut([
      // Swap the content ciphertexts of two logins.
      { ...alpha, data: bravo.data },
      { ...bravo, data: alpha.data },
      // Move a note's content ciphertext onto another note's id (charlie itself stays intact).
      { ...foxtrot, data: charlie.data },
      // Relabel a login as a note: `kind` is bound into the associated data.
      { ...delta, kind: 'note' },
      // Bump the clear revision: `rev` is bound too, and the manifest disagrees.
      { ...echo, rev: echo.rev + 1 },
    ]);
    ({ vault, integrity } = await unlockVault(db, PASSWORD, T0 + 1000));
  }, KDF_TIMEOUT);

  it('unlock opens only the list: the rows come from the overview buckets and nothing is reported yet', () => {
    expect(integrity).toEqual(emptyReport);
    expect(vault.summaries.get(ids.alpha)).toMatchObject({ state: 'ok', title: 'alpha' });
  });

  it('getItem → corrupted, with one and the same message for every kind of tampering (S2: failures look alike), and the row turns quarantined', async () => {
    const errors = await Promise.all(['alpha', 'bravo', 'delta', 'echo', 'foxtrot'].map((n) => errorOf(getItem(db, vault, ids[n as Name]))));
    expect(errors.map((e) => e.code)).toEqual(Array(5).fill('corrupted'));
    expect(new Set(errors.map((e) => e.message)).size).toBe(1);
    for (const name of ['alpha', 'bravo', 'delta', 'echo', 'foxtrot'] as const) {
      expect(vault.summaries.get(ids[name])).toEqual({ state: 'quarantined', id: ids[name] } satisfies ItemSummary);
    }
  });

  it('the integrity check reports exactly the swapped, moved, relabelled and re-numbered records; T09: the changed revision also as rolled back', async () => {
    const report = await checkVaultIntegrity(db, vault);
    expect(sorted(report.quarantined)).toEqual(sorted([ids.alpha, ids.bravo, ids.foxtrot, ids.delta, ids.echo]));
    expect(report.rolledBack).toEqual([ids.echo]);
    expect(report.missing).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.damagedOverviews).toEqual([]);
  });

  it('S8: the untouched items still open with their content', async () => {
    expect((await getItem(db, vault, ids.charlie)).content).toMatchObject({ type: 'note', title: 'charlie', notes: 'charlie notes' });
    expect((await getItem(db, vault, ids.golf)).content).toMatchObject({ type: 'login', title: 'golf', password: 'golf-password' });
    expect(vault.summaries.get(ids.golf)).toMatchObject({ state: 'ok', title: 'golf' });
  });

  it('S8: the vault stays writable: an intact item can still be edited', async () => {
    await updateItem(db, vault, ids.golf, loginInput({ title: 'golf 2' }), T0 + 2000);
    expect((await getItem(db, vault, ids.golf)).content.title).toBe('golf 2');
  });
});

describe('unlockVault: T09 the authenticated manifest exposes dropped, rolled-back and injected records', () => {
  let db: VaultDb;
  let vault: UnlockedVault;
  let integrity: IntegrityReport;
  const injectedId = 'ab'.repeat(16);

  beforeAll(async () => {
    db = await pasteVault(template);
    const charlie = await record(db, ids.charlie);
    await db.items.delete(ids.bravo); // dropped
    await db.items.put(alphaRev1); // an old revision put back
    await db.items.put({ ...charlie, id: injectedId }); // a record the manifest never listed
    ({ vault, integrity } = await unlockVault(db, PASSWORD, T0 + 1000));
  }, KDF_TIMEOUT);

  it('a record deleted from the table → integrity.missing', () => {
    expect(integrity.missing).toEqual([ids.bravo]);
    expect(vault.summaries.has(ids.bravo)).toBe(false);
  });

  it('an older revision put back → corrupted when opened (it authenticates under its own revision, not the manifest\'s), and rolledBack in the integrity check', async () => {
    expect((await errorOf(getItem(db, vault, ids.alpha))).code).toBe('corrupted');
    expect((await checkVaultIntegrity(db, vault)).rolledBack).toEqual([ids.alpha]);
  });

  it('a record under a new id → integrity.unexpected (and quarantined: its item key is bound to the old id)', () => {
    expect(integrity.unexpected).toEqual([injectedId]);
    expect(integrity.quarantined).toEqual([injectedId]);
  });

  it('S8: every other item still opens', async () => {
    expect(integrity.rolledBack).toEqual([]);
    for (const name of ['charlie', 'delta', 'echo', 'foxtrot', 'golf'] as const) {
      expect((await getItem(db, vault, ids[name])).content.title).toBe(name);
    }
  });
});

describe('unlockVault: S8/T09 a damaged, rolled-back or dropped overview bucket is reported at unlock, and its items are read from their own records (issue 15)', () => {
  const bucketOfAlpha = () => overviewBucketOf(ids.alpha);
  const sameBucket = () => NAMES.filter((name) => overviewBucketOf(ids[name]) === bucketOfAlpha());

  it('a flipped bit → damagedOverviews names the bucket; every item in it is still listed from its record; nothing is quarantined', async () => {
    const db = await pasteVault(template);
    const bucket = (await db.overviews.get(bucketOfAlpha()))!;
    bucket.sealed.ct[5]! ^= 1;
    await db.overviews.put(bucket);
    const { vault, integrity } = await unlockVault(db, PASSWORD, T0 + 1000);
    expect(integrity).toEqual({ ...emptyReport, damagedOverviews: [bucketOfAlpha()] });
    for (const name of sameBucket()) expect(vault.summaries.get(ids[name])).toMatchObject({ state: 'ok', title: name });
    expect(vault.summaries.size).toBe(NAMES.length);
  }, KDF_TIMEOUT);

  it('T09: the bucket put back at an older revision, or dropped, → reported; the rows come from the records (alpha shows its edit)', async () => {
    for (const change of ['rollback', 'drop'] as const) {
      const db = await pasteVault(template);
      const { vault: writer } = await pasteUnlocked(template);
      const old = (await db.overviews.get(bucketOfAlpha()))!;
      await updateItem(db, writer, ids.alpha, loginInput({ title: 'alpha edited' }), T0 + 500);
      if (change === 'rollback') await db.overviews.put(old);
      else await db.overviews.delete(bucketOfAlpha());
      const { vault, integrity } = await openVault(db, await header(db), asKey<VaultKey>(new Uint8Array(template.vaultKey)));
      expect(integrity.damagedOverviews).toEqual([bucketOfAlpha()]);
      expect(vault.summaries.get(ids.alpha)).toMatchObject({ state: 'ok', title: 'alpha edited' });
    }
  });

  it('S8: a damaged bucket holding a damaged record → that one item is quarantined at unlock, the others in the bucket still listed', async () => {
    const db = await pasteVault(template);
    const bucket = (await db.overviews.get(bucketOfAlpha()))!;
    bucket.sealed.ct[5]! ^= 1;
    await db.overviews.put(bucket);
    const alpha = await record(db, ids.alpha);
    alpha.data.ct[0]! ^= 1;
    await db.items.put(alpha);
    const { vault, integrity } = await openVault(db, await header(db), asKey<VaultKey>(new Uint8Array(template.vaultKey)));
    expect(integrity.quarantined).toEqual([ids.alpha]);
    expect(vault.summaries.get(ids.alpha)).toEqual({ state: 'quarantined', id: ids.alpha });
    for (const name of sameBucket().filter((n) => n !== 'alpha')) expect(vault.summaries.get(ids[name])).toMatchObject({ state: 'ok', title: name });
  });

  it('the next write to a damaged bucket re-seals it from the recovered rows: the unlock after that reports nothing', async () => {
    const db = await pasteVault(template);
    const bucket = (await db.overviews.get(bucketOfAlpha()))!;
    bucket.sealed.ct[5]! ^= 1;
    await db.overviews.put(bucket);
    const { vault } = await openVault(db, await header(db), asKey<VaultKey>(new Uint8Array(template.vaultKey)));
    await updateItem(db, vault, ids.alpha, loginInput({ title: 'alpha healed' }), T0 + 600);
    const again = await openVault(db, await header(db), asKey<VaultKey>(new Uint8Array(template.vaultKey)));
    expect(again.integrity).toEqual(emptyReport);
    for (const name of sameBucket()) expect(again.vault.summaries.get(ids[name])).toMatchObject({ state: 'ok', title: name === 'alpha' ? 'alpha healed' : name });
  });
});

describe('unlockVault: S5/T10 KDF parameters', () => {
  const salt = () => new Uint8Array(template.header.kdf.salt);
  it.each([
    ['m below the floor (65535 KiB)', { m: 65535 }],
    ['m far below the floor (8 MiB)', { m: 8192 }],
    ['t below the floor (2)', { t: 2 }],
    ['t of 1', { t: 1 }],
    ['p of 0', { p: 0 }],
    ['alg changed to argon2i', { alg: 'argon2i' }],
    ['alg changed to scrypt', { alg: 'scrypt' }],
    ['Argon2 version 0x10', { version: 0x10 }],
    ['salt of 8 bytes', { salt: new Uint8Array(8) }],
    ['m above the ceiling (2 GiB)', { m: 2 * 1024 * 1024 }],
  ])('%s → corrupted, refused before any derivation', async (_name, change) => {
    const db = await pasteVault(template);
    await db.header.update('vault', { kdf: { ...template.header.kdf, salt: salt(), ...change } as HeaderRecord['kdf'] });
    const error = await errorOf(unlockVault(db, PASSWORD, T0));
    expect(error.code).toBe('corrupted');
    expect(derivations()).toHaveLength(0);
    await expect(readHeader(db)).rejects.toMatchObject({ code: 'corrupted' });
  });

  it('no kdf object at all → corrupted, before any derivation', async () => {
    const db = await pasteVault(template);
    const { kdf: _dropped, ...rest } = structuredClone(template.header);
    await db.header.put(rest as HeaderRecord);
    expect((await errorOf(unlockVault(db, PASSWORD, T0))).code).toBe('corrupted');
    expect(derivations()).toHaveLength(0);
  });

  it('t raised within the allowed range (3 → 4) → wrong-password: the tampered parameters are used and fail', async () => {
    const db = await pasteVault(template);
    await db.header.update('vault', { kdf: { ...template.header.kdf, salt: salt(), t: 4 } });
    expect((await errorOf(unlockVault(db, PASSWORD, T0))).code).toBe('wrong-password');
    expect(derivations().map((o) => o.iterations)).toEqual([4]);
  }, KDF_TIMEOUT);

  it('salt changed → wrong-password', async () => {
    const db = await pasteVault(template);
    const other = salt();
    other[0]! ^= 0xff;
    await db.header.update('vault', { kdf: { ...template.header.kdf, salt: other } });
    expect((await errorOf(unlockVault(db, PASSWORD, T0))).code).toBe('wrong-password');
  }, KDF_TIMEOUT);

  it('the parameters and vault id are bound into the wrapped key’s associated data: the right master key fails on a changed header', async () => {
    const original = structuredClone(template.header);
    const masterKey = await deriveMasterKey(PASSWORD, original.kdf);
    expect(bytesToHex(unwrapWithMasterKey(masterKey, original))).toBe(bytesToHex(template.vaultKey));
    const flipped = new Uint8Array(original.kdf.salt);
    flipped[15]! ^= 1;
    const variants: HeaderRecord[] = [
      { ...original, kdf: { ...original.kdf, t: 4 } },
      { ...original, kdf: { ...original.kdf, m: original.kdf.m + 1024 } },
      { ...original, kdf: { ...original.kdf, p: 2 } },
      { ...original, kdf: { ...original.kdf, salt: flipped } },
      { ...original, vaultId: 'cd'.repeat(16) },
    ];
    for (const variant of variants) {
      expect(() => unwrapWithMasterKey(masterKey, variant)).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    }
  }, KDF_TIMEOUT);
});

describe('unlockVault: T12 a vault with old parameters is re-wrapped at its next unlock', () => {
  it('p=1 → re-wrapped to p=4 with a fresh salt, and still opens with the same password', async () => {
    const db = newDb();
    const created = await createVault(db, PASSWORD, { m: 65536, t: 3, p: 1 }, T0);
    const vaultKeyHex = bytesToHex(created.vaultKey);
    const id = await createItem(db, created, loginInput({ title: 'kept' }), T0 + 1);
    const before = await header(db);
    expect(before.kdf).toMatchObject({ m: 65536, t: 3, p: 1 });
    closeVault(created);
    vi.mocked(argon2id).mockClear();

    const first = await unlockVault(db, PASSWORD, T0 + 2);
    // One derivation to unlock with the old parameters, one to re-wrap with the default.
    expect(derivations().map((o) => o.parallelism)).toEqual([1, 4]);
    const after = await header(db);
    expect(after.kdf).toMatchObject({ alg: 'argon2id', version: 0x13, m: 65536, t: 3, p: 4 });
    expect(bytesToHex(after.kdf.salt)).not.toBe(bytesToHex(before.kdf.salt));
    expect(after.vaultId).toBe(before.vaultId);
    expect(first.integrity).toEqual(emptyReport);
    closeVault(first.vault);
    vi.mocked(argon2id).mockClear();

    const second = await unlockVault(db, PASSWORD, T0 + 3);
    expect(derivations().map((o) => o.parallelism)).toEqual([4]); // up to date: no second re-wrap
    expect(bytesToHex(second.vault.vaultKey)).toBe(vaultKeyHex);
    expect((await getItem(db, second.vault, id)).content.title).toBe('kept');
  }, KDF_TIMEOUT);
});

describe('openVault (resume after a service-worker restart)', () => {
  it('rebuilds the state from the vault key without any derivation (service-worker restart)', async () => {
    const db = await pasteVault(template);
    const { vault } = await openVault(db, await header(db), asKey<VaultKey>(new Uint8Array(template.vaultKey)));
    expect(vault.vaultId).toBe(template.vaultId);
    expect(sorted([...vault.manifest.keys()])).toEqual(sorted(Object.values(ids)));
    expect(vault.manifest.get(ids.alpha)).toBe(2);
    expect(derivations()).toHaveLength(0);
  });

  it('T09: a tampered manifest → corrupted', async () => {
    const db = await pasteVault(template);
    const h = await header(db);
    h.manifest.ct[0]! ^= 1;
    expect((await errorOf(openVault(db, h, asKey<VaultKey>(new Uint8Array(template.vaultKey))))).code).toBe('corrupted');
  });

  it('T09: a manifest from another vault id → corrupted', async () => {
    const db = await pasteVault(template);
    const h = { ...(await header(db)), vaultId: 'ef'.repeat(16) };
    expect((await errorOf(openVault(db, h, asKey<VaultKey>(new Uint8Array(template.vaultKey))))).code).toBe('corrupted');
  });
});
