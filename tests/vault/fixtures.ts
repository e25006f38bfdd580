/**
 * Shared fixtures for the vault, db and vault-service tests: throwaway databases, a created vault that
 * tests copy instead of paying for another Argon2id derivation, item inputs, and a dump of every table.
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { generateKey } from '../../lib/crypto/generate-key';
import { KDF_DEFAULT, SALT_LENGTH } from '../../lib/crypto/kdf-params';
import { asKey, type KeyEncryptionKey, type VaultKey } from '../../lib/crypto/keys';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { wrapKey } from '../../lib/crypto/wrap-key';
import { VaultDb, type AuditRecord, type HeaderRecord, type ItemRecord, type OverviewRecord } from '../../lib/db/vault-db';
import { itemContentSchema, type ItemContent, type ItemInput } from '../../lib/vault/model/item-schema';
import { openVault } from '../../lib/vault/lifecycle/open-vault-lists';
import { openManifest, sealManifest } from '../../lib/vault/records/manifest';
import { openVaultState, type UnlockedVault } from '../../lib/vault/keys/unlocked-vault';
import { vaultKeyContext } from '../../lib/vault/keys/vault-key-context';

/** The master password every fixture vault is created with. */
export const PASSWORD = 'correct horse battery staple';

/** A fixed clock (ms since epoch); tests add to it instead of reading the real time. */
export const T0 = 1_700_000_000_000;

/** Generous per-test timeout for tests that run Argon2id (≈0.3 s each at 64 MiB, slower on a busy machine). */
export const KDF_TIMEOUT = 60_000;

/** A fresh, empty database with a unique name. */
export function newDb(): VaultDb {
  return new VaultDb('test-' + crypto.randomUUID());
}

/** Everything one vault holds on disk, plus (for tests only) its vault key. */
export interface VaultCopy {
  header: HeaderRecord;
  items: ItemRecord[];
  audit: AuditRecord[];
  overviews: OverviewRecord[];
  vaultId: string;
  vaultKey: Uint8Array;
}

/** Takes a deep copy of `db`'s records and `vault`'s key. */
export async function copyVault(db: VaultDb, vault: UnlockedVault): Promise<VaultCopy> {
  const header = await db.header.get('vault');
  if (!header) throw new Error('copyVault: no header');
  return structuredClone({
    header,
    items: await db.items.toArray(),
    audit: await db.audit.toArray(),
    overviews: await db.overviews.toArray(),
    vaultId: vault.vaultId,
    vaultKey: new Uint8Array(vault.vaultKey),
  });
}

/** Writes a copy into a fresh database; no derivation. */
export async function pasteVault(copy: VaultCopy): Promise<VaultDb> {
  const db = newDb();
  const fresh = structuredClone(copy);
  await db.transaction('rw', db.header, db.items, db.audit, db.overviews, async () => {
    await db.header.put(fresh.header);
    await db.items.bulkPut(fresh.items);
    await db.audit.bulkPut(fresh.audit);
    await db.overviews.bulkPut(fresh.overviews);
  });
  return db;
}

/**
 * Writes a copy into a fresh database and opens it with the copied vault key, as a session resume
 * does (manifest and overview buckets opened); no derivation.
 */
export async function pasteUnlocked(copy: VaultCopy): Promise<{ db: VaultDb; vault: UnlockedVault }> {
  const db = await pasteVault(copy);
  const { vault } = await openVault(db, copy.header, asKey<VaultKey>(new Uint8Array(copy.vaultKey)));
  return { db, vault };
}

/**
 * Opens `db` again with a copy of `vault`'s key, as a service-worker restart does: a second, independent
 * unlocked state built from what is stored; no derivation.
 */
export async function reopen(db: VaultDb, vault: UnlockedVault): Promise<UnlockedVault> {
  const header = await db.header.get('vault');
  if (!header) throw new Error('reopen: no header');
  return (await openVault(db, header, asKey<VaultKey>(new Uint8Array(vault.vaultKey)))).vault;
}

/**
 * An unlocked vault in a fresh database WITHOUT any Argon2id derivation: the header has the real shape,
 * but its vault key is wrapped under a random key-encryption key, so no password unlocks it. For tests
 * of item and audit operations, which never read the wrapped key.
 */
export async function syntheticVault(): Promise<{ db: VaultDb; vault: UnlockedVault }> {
  const db = newDb();
  const vaultId = bytesToHex(randomBytes(16));
  const vaultKey = generateKey<VaultKey>();
  const kdf: HeaderRecord['kdf'] = { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: randomBytes(SALT_LENGTH) };
  const vault = openVaultState(vaultId, vaultKey, new Map());
  await db.header.add({
    id: 'vault',
    vaultId,
    formatVersion: 1,
    kdf,
    wrappedVaultKey: wrapKey(generateKey<KeyEncryptionKey>(), vaultKey, vaultKeyContext(vaultId, kdf)),
    manifest: sealManifest(vaultKey, vaultId, vault.manifest, vault.overviews),
    auditHead: null,
  });
  return { db, vault };
}

/** The manifest as sealed in the header right now. */
export async function storedManifest(db: VaultDb, vault: UnlockedVault): Promise<Map<string, number>> {
  const header = await db.header.get('vault');
  if (!header) throw new Error('storedManifest: no header');
  return openManifest(vault.vaultKey, vault.vaultId, header.manifest);
}

/** A login input with every field set; `overrides` replace fields. */
export function loginInput(overrides: Partial<Extract<ItemInput, { type: 'login' }>> = {}): Extract<ItemInput, { type: 'login' }> {
  return {
    type: 'login',
    title: 'Example',
    username: 'alice@example.com',
    password: 'hunter2-hunter2',
    urls: ['https://accounts.example.co.uk/login'],
    totp: '',
    notes: '',
    fields: [],
    folder: '',
    tags: [],
    favourite: false,
    match: 'origin',
    ...overrides,
  };
}

/** A secure note input with every field set; `overrides` replace fields. */
export function noteInput(overrides: Partial<Extract<ItemInput, { type: 'note' }>> = {}): Extract<ItemInput, { type: 'note' }> {
  return { type: 'note', title: 'A note', notes: 'note body', fields: [], folder: '', tags: [], favourite: false, ...overrides };
}

/** The decrypted content an input becomes when created at `now` (defaults filled, empty history). */
export function contentOf(input: ItemInput, now: number): ItemContent {
  return itemContentSchema.parse({ ...input, createdAt: now, updatedAt: now, ...(input.type === 'login' ? { passwordHistory: [] } : {}) });
}

/** One table dump in the two spellings a substring search needs. */
export interface Dump {
  /** JSON of every record, bytes as hex. */
  hex: string;
  /** JSON of every record, bytes decoded as latin1 text (so clear UTF-8 bytes show up verbatim). */
  latin1: string;
}

/** Dumps every table of the database (all of `db.tables`, so a table added later is included). */
export async function dumpDb(db: VaultDb): Promise<Dump> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  const bytesAs = (encode: (bytes: Uint8Array) => string) => (_key: string, value: unknown) =>
    value instanceof Uint8Array ? encode(value) : value;
  return {
    hex: JSON.stringify(all, bytesAs(bytesToHex)),
    latin1: JSON.stringify(all, bytesAs((bytes) => Buffer.from(bytes).toString('latin1'))),
  };
}

/** Every spelling of `marker` a clear copy could take in a dump. */
export function spellings(marker: string): string[] {
  const utf8 = utf8ToBytes(marker);
  return [marker, marker.toLowerCase(), bytesToHex(utf8), Buffer.from(utf8).toString('latin1')];
}
