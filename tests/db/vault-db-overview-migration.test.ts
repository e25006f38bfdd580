/**
 * VaultDb version 5 (overview buckets, issue 15): a vault written before buckets — version-4 schema, the
 * manifest as the bare `[[id, rev], …]` array — opens under version 5 with every record intact; its first
 * unlock opens every record as before, reports what it always reported, and writes the buckets and the new
 * manifest, after which the list comes from the buckets.
 */
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { asKey, type VaultKey } from '../../lib/crypto/keys';
import { VaultDb, type HeaderRecord } from '../../lib/db/vault-db';
import { createItems } from '../../lib/vault/items/create-item';
import { getItem } from '../../lib/vault/items/get-item';
import { openVault } from '../../lib/vault/lifecycle/open-vault-lists';
import { openManifestParts } from '../../lib/vault/records/manifest';
import { sealJson } from '../../lib/vault/records/sealed-json';
import { copyVault, loginInput, noteInput, syntheticVault, T0, type VaultCopy } from '../vault/fixtures';

/** The schema exactly as version 4 declared it (lib/db/vault-db.ts after links). */
function versionFourDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ header: 'id', items: 'id, *domains', audit: 'seq' });
  db.version(2).stores({ identity: 'id', contacts: 'id', shares: 'id', received: 'id, *domains, expiresAt', outbox: 'seq' });
  db.version(3).stores({ requests: 'id' });
  db.version(4).stores({ links: 'id', secretRequests: 'id', requestAnswers: 'id' });
  return db;
}

/** A copy of a vault as the code before buckets stored it: no bucket records, the manifest a bare array. */
async function legacyCopy(): Promise<{ copy: VaultCopy; ids: string[] }> {
  const { db, vault } = await syntheticVault();
  const ids = await createItems(db, vault, [loginInput({ title: 'Mail', username: 'me@example.org' }), noteInput({ title: 'Note' }), loginInput({ title: 'Bank' })], T0);
  const copy = await copyVault(db, vault);
  copy.header.manifest = sealJson(vault.vaultKey, [...vault.manifest], { purpose: 'manifest', recordId: vault.vaultId, fields: 'ids-revs' });
  copy.overviews = [];
  return { copy, ids };
}

/** Writes `copy` through the version-4 schema, then opens it with today's VaultDb. */
async function upgrade(copy: VaultCopy): Promise<VaultDb> {
  const name = 'migrate-' + crypto.randomUUID();
  const old = versionFourDb(name);
  await old.open();
  await old.table('header').put(copy.header);
  await old.table('items').bulkPut(copy.items);
  await old.table('audit').bulkPut(copy.audit);
  old.close();
  const db = new VaultDb(name);
  await db.open();
  return db;
}

const keyOf = (copy: VaultCopy) => asKey<VaultKey>(new Uint8Array(copy.vaultKey));
const headerOf = async (db: VaultDb): Promise<HeaderRecord> => (await db.header.get('vault'))!;

describe('VaultDb v4 → v5 (overview buckets)', () => {
  it('the schema upgrade touches no record and adds an empty overviews table', async () => {
    const { copy } = await legacyCopy();
    const db = await upgrade(copy);
    expect(db.verno).toBe(6);
    expect(await db.header.get('vault')).toEqual(copy.header);
    expect(await db.items.toArray()).toEqual(copy.items);
    expect(await db.audit.toArray()).toEqual(copy.audit);
    expect(await db.overviews.count()).toBe(0);
    expect(db.overviews.schema.indexes).toEqual([]);
  });

  it('the first unlock lists every item from the records, writes the buckets and the new manifest; the next one reads the buckets only', async () => {
    const { copy, ids } = await legacyCopy();
    const db = await upgrade(copy);
    const first = await openVault(db, await headerOf(db), keyOf(copy));
    expect(first.integrity).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] });
    const titles = (summaries: Map<string, { state: string; title?: string }>) => ids.map((id) => summaries.get(id)?.title);
    expect(titles(first.vault.summaries)).toEqual(['Mail', 'Note', 'Bank']);

    const parts = openManifestParts(keyOf(copy), copy.vaultId, (await headerOf(db)).manifest);
    expect(parts.items).toEqual(first.vault.manifest);
    expect(parts.overviews).not.toBeNull();
    expect([...parts.overviews!.keys()].sort()).toEqual((await db.overviews.toCollection().primaryKeys()).sort());
    expect(await db.items.toArray()).toEqual(copy.items);

    const readAll = vi.spyOn(db.items, 'toArray');
    const second = await openVault(db, await headerOf(db), keyOf(copy));
    expect(readAll).not.toHaveBeenCalled();
    expect(second.integrity).toEqual(first.integrity);
    expect(second.vault.summaries).toEqual(first.vault.summaries);
    expect((await getItem(db, second.vault, ids[0]!)).content).toMatchObject({ title: 'Mail', username: 'me@example.org' });
  });

  it('S8: a damaged record in a vault before buckets is quarantined at its migration, and the others get their buckets', async () => {
    const { copy, ids } = await legacyCopy();
    copy.items.find((record) => record.id === ids[1])!.data.ct[0]! ^= 1;
    const db = await upgrade(copy);
    const { integrity, vault } = await openVault(db, await headerOf(db), keyOf(copy));
    expect(integrity.quarantined).toEqual([ids[1]]);
    expect(vault.summaries.get(ids[1]!)).toEqual({ state: 'quarantined', id: ids[1] });
    const again = await openVault(db, await headerOf(db), keyOf(copy));
    expect(again.vault.summaries.get(ids[0]!)).toMatchObject({ state: 'ok', title: 'Mail' });
    // Its row was never written: the next unlock reads it from its record and reports it again.
    expect(again.integrity.quarantined).toEqual([ids[1]]);
  });
});
