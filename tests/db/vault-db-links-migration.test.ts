/**
 * VaultDb version 4 (one-time links and secret requests, issue 14): a vault written by version 3, with
 * sharing records, opens under version 4 with every record intact, and the three new tables arrive empty,
 * indexed by their opaque id only.
 */
import { Dexie } from 'dexie';
import { expect, it } from 'vitest';
import { VaultDb } from '../../lib/db/vault-db';
import { createItem } from '../../lib/vault/items/create-item';
import { copyVault, loginInput, syntheticVault, T0 } from '../vault/fixtures';

/** The schema exactly as version 3 declared it. */
function versionThreeDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ header: 'id', items: 'id, *domains', audit: 'seq' });
  db.version(2).stores({ identity: 'id', contacts: 'id', shares: 'id', received: 'id, *domains, expiresAt', outbox: 'seq' });
  db.version(3).stores({ requests: 'id' });
  return db;
}

it('a version-3 vault upgrades to version 4 with its records unchanged and empty link tables', async () => {
  const { db: source, vault } = await syntheticVault();
  await createItem(source, vault, loginInput({ title: 'Before links' }), T0);
  const copy = await copyVault(source, vault);
  const name = 'migrate-links-' + crypto.randomUUID();
  const old = versionThreeDb(name);
  await old.open();
  await old.table('header').put(copy.header);
  await old.table('items').bulkPut(copy.items);
  await old.table('audit').bulkPut(copy.audit);
  await old.table('contacts').put({ id: 'c1', sealed: copy.header.manifest });
  old.close();

  const upgraded = new VaultDb(name);
  await upgraded.open();
  expect(upgraded.verno).toBe(6);
  expect(await upgraded.items.toArray()).toEqual(copy.items);
  expect(await upgraded.audit.toArray()).toEqual(copy.audit);
  expect(await upgraded.contacts.get('c1')).toEqual({ id: 'c1', sealed: copy.header.manifest });
  for (const table of [upgraded.links, upgraded.secretRequests, upgraded.requestAnswers]) {
    expect(await table.count()).toBe(0);
    expect(table.schema.indexes).toEqual([]);
    expect(table.schema.primKey.keyPath).toBe('id');
  }
  upgraded.close();
  await Dexie.delete(name);
});
