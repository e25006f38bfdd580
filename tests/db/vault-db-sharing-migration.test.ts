/**
 * VaultDb version 2 (sharing): a vault written by version 1 opens under version 2 with every record
 * intact and still unlockable, and the sharing tables arrive empty with only opaque ids, the blind
 * domain tags and the expiry indexed.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { VaultDb } from '../../lib/db/vault-db';
import { createItem } from '../../lib/vault/items/create-item';
import { getItem } from '../../lib/vault/items/get-item';
import { openManifest } from '../../lib/vault/records/manifest';
import { openVaultState } from '../../lib/vault/keys/unlocked-vault';
import { copyVault, loginInput, syntheticVault, T0 } from '../vault/fixtures';

/** The schema exactly as version 1 declared it (lib/db/vault-db.ts at the foundation). */
function versionOneDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ header: 'id', items: 'id, *domains', audit: 'seq' });
  return db;
}

describe('VaultDb v1 → v2 (sharing tables)', () => {
  it('a version-1 vault upgrades cleanly: header, items and audit unchanged, the item still opens', async () => {
    const { db: source, vault } = await syntheticVault();
    const id = await createItem(source, vault, loginInput({ title: 'Before the upgrade' }), T0);
    const copy = await copyVault(source, vault);

    const name = 'migrate-' + crypto.randomUUID();
    const old = versionOneDb(name);
    await old.open();
    await old.table('header').put(copy.header);
    await old.table('items').bulkPut(copy.items);
    await old.table('audit').bulkPut(copy.audit);
    old.close();

    const upgraded = new VaultDb(name);
    await upgraded.open();
    // 2 added sharing; later versions (3: share requests, 4: links, 5: overview buckets) add tables of their own.
    expect(upgraded.verno).toBe(6);
    expect(await upgraded.header.get('vault')).toEqual(copy.header);
    expect(await upgraded.items.toArray()).toEqual(copy.items);
    expect(await upgraded.audit.toArray()).toEqual(copy.audit);
    for (const table of [upgraded.identity, upgraded.contacts, upgraded.shares, upgraded.received, upgraded.outbox]) expect(await table.count()).toBe(0);
    const header = (await upgraded.header.get('vault'))!;
    const reopened = openVaultState(copy.vaultId, vault.vaultKey, openManifest(vault.vaultKey, copy.vaultId, header.manifest));
    expect((await getItem(upgraded, reopened, id)).content.title).toBe('Before the upgrade');
    upgraded.close();
  });

  it('indexes nothing of the sharing tables but opaque ids, blind domain tags and the received expiry', () => {
    const db = new VaultDb('schema-' + crypto.randomUUID());
    const indexes = (table: { schema: { indexes: { name: string }[] } }) => table.schema.indexes.map((i) => i.name);
    expect(db.identity.schema.primKey.keyPath).toBe('id');
    expect(db.contacts.schema.primKey.keyPath).toBe('id');
    expect(db.shares.schema.primKey.keyPath).toBe('id');
    expect(db.outbox.schema.primKey.keyPath).toBe('seq');
    expect([indexes(db.identity), indexes(db.contacts), indexes(db.shares), indexes(db.outbox)]).toEqual([[], [], [], []]);
    expect(indexes(db.received).sort()).toEqual(['domains', 'expiresAt']);
  });

  it('a version-1 database opened by a version-2 client can be written to by sharing at once', async () => {
    const name = 'migrate-' + crypto.randomUUID();
    const old = versionOneDb(name);
    await old.open();
    old.close();
    const upgraded = new VaultDb(name);
    await upgraded.received.put({ id: 'AAAAAAAAAAAAAAAAAAAAAA==', domains: ['ab'], expiresAt: 5, sealed: { v: 1, alg: 'xchacha20poly1305', nonce: new Uint8Array(24), ct: new Uint8Array(16) } });
    expect(await upgraded.received.where('expiresAt').belowOrEqual(5).primaryKeys()).toEqual(['AAAAAAAAAAAAAAAAAAAAAA==']);
    upgraded.close();
  });
});
