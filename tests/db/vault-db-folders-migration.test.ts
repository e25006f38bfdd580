/**
 * VaultDb version 6 (shared folders, issue 13): a vault written by version 5 opens under version 6 with
 * every record intact and the new `folders` table empty, keyed by the folder id only (nothing indexed: the
 * record is sealed whole).
 */
import { Dexie } from 'dexie';
import { expect, it } from 'vitest';
import { VaultDb } from '../../lib/db/vault-db';
import { createItem } from '../../lib/vault/items/create-item';
import { copyVault, loginInput, syntheticVault, T0 } from '../vault/fixtures';

/** The schema exactly as version 5 declared it. */
function versionFiveDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ header: 'id', items: 'id, *domains', audit: 'seq' });
  db.version(2).stores({ identity: 'id', contacts: 'id', shares: 'id', received: 'id, *domains, expiresAt', outbox: 'seq' });
  db.version(3).stores({ requests: 'id' });
  db.version(4).stores({ links: 'id', secretRequests: 'id', requestAnswers: 'id' });
  db.version(5).stores({ overviews: 'id' });
  return db;
}

it('a version-5 vault upgrades to version 6 with its records unchanged and an empty folders table', async () => {
  const { db: source, vault } = await syntheticVault();
  await createItem(source, vault, loginInput({ title: 'Before folders' }), T0);
  const copy = await copyVault(source, vault);
  const name = 'migrate-folders-' + crypto.randomUUID();
  const old = versionFiveDb(name);
  await old.open();
  await old.table('header').put(copy.header);
  await old.table('items').bulkPut(copy.items);
  await old.table('audit').bulkPut(copy.audit);
  await old.table('links').put({ id: 'l1', sealed: copy.header.manifest });
  old.close();

  const upgraded = new VaultDb(name);
  await upgraded.open();
  expect(upgraded.verno).toBe(6);
  expect(await upgraded.items.toArray()).toEqual(copy.items);
  expect(await upgraded.audit.toArray()).toEqual(copy.audit);
  expect(await upgraded.header.get('vault')).toEqual(copy.header);
  expect(await upgraded.links.get('l1')).toEqual({ id: 'l1', sealed: copy.header.manifest });
  expect(await upgraded.folders.count()).toBe(0);
  expect(upgraded.folders.schema.indexes).toEqual([]);
  expect(upgraded.folders.schema.primKey.keyPath).toBe('id');
  upgraded.close();
  await Dexie.delete(name);
});
