/**
 * VaultDb version 3 (issue 12): a vault written by version 2 (tests/db/fixtures/vault-v2-sharing.json, made
 * by the code of that version: see its `written` field) opens under version 3 with every row as it was and
 * an empty `requests` table; its sharing records still open as they were sealed, and the first check at
 * unlock binds them into the manifest (T09): each is sealed again at revision 1, listed, and a received copy
 * that expires gets its tombstone sealed in advance (T04). Afterwards a version-2 row written back is refused.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/vault-v2-sharing.json';
import { asKey, type VaultKey } from '../../lib/crypto/keys';
import { VaultDb } from '../../lib/db/vault-db';
import { openVault } from '../../lib/vault/lifecycle/open-vault-lists';
import { openManifest } from '../../lib/vault/records/manifest';
import { getItem } from '../../lib/vault/items/get-item';
import { BOUND_MARK } from '../../lib/sharing/store/bound-records';
import { openOutboxOp } from '../../lib/sharing/store/outbox-op';
import { getContact, loadContacts, loadGrants, loadReceived } from '../../lib/sharing/store/sharing-records';
import { checkSharingAtUnlock } from '../../lib/sharing/sync/check-sharing-at-unlock';
import { T0 } from '../vault/fixtures';

/** The schema exactly as version 2 declared it (lib/db/vault-db.ts before issue 12). */
function versionTwoDb(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ header: 'id', items: 'id, *domains', audit: 'seq' });
  db.version(2).stores({ identity: 'id', contacts: 'id', shares: 'id', received: 'id, *domains, expiresAt', outbox: 'seq' });
  return db;
}

/** The fixture's tables with their bytes back as Uint8Array. */
function fixtureTables(): Record<string, unknown[]> {
  return JSON.parse(JSON.stringify(fixture.tables), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && '$bytes' in value ? hexToBytes((value as { $bytes: string }).$bytes) : value,
  ) as Record<string, unknown[]>;
}

async function upgradedFixture() {
  const name = 'migrate-v3-' + crypto.randomUUID();
  const old = versionTwoDb(name);
  await old.open();
  const tables = fixtureTables();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
  old.close();
  const db = new VaultDb(name);
  await db.open();
  // Read before the first unlock, which writes the overview buckets (version 5) and so a new manifest.
  const upgradedRows = Object.fromEntries(await Promise.all(Object.keys(tables).map(async (table) => [table, await db.table(table).toArray()] as const)));
  const vaultKey = asKey<VaultKey>(hexToBytes(fixture.vaultKey));
  const header = (await db.header.get('vault'))!;
  const { vault } = await openVault(db, header, vaultKey);
  return { db, vault, tables, upgradedRows };
}

describe('VaultDb v2 → v3 (requests; sharing records bound into the manifest)', () => {
  it('a version-2 vault upgrades cleanly: every row unchanged, requests empty, the item and the sharing records still open', async () => {
    const { db, vault, tables, upgradedRows } = await upgradedFixture();
    expect(fixture.verno).toBe(2);
    // Version 3 added requests; 4 (links) and 5 (overview buckets) add tables of their own.
    expect(db.verno).toBe(6);
    for (const [table, rows] of Object.entries(tables)) expect(upgradedRows[table]).toEqual(rows);
    expect(await db.requests.count()).toBe(0);
    expect((await getItem(db, vault, fixture.itemId)).content.title).toBe('Fixture login');
    expect((await loadContacts(db, vault)).records.map((c) => c.contact.handle)).toEqual(['alice', 'bob']);
    expect((await loadGrants(db, vault)).records).toHaveLength(1);
    expect((await loadReceived(db, vault)).records.map((r) => r.status).sort()).toEqual(['ended', 'live']);
    expect(openOutboxOp(vault, (await db.outbox.toArray())[0]!).kind).toBe('register');
    db.close();
  });

  it('the first unlock binds them: revision 1 on every record, all listed, the expiring copy gets its advance tombstone, nothing reported', async () => {
    const { db, vault, tables } = await upgradedFixture();
    const contentsBefore = { contacts: await loadContacts(db, vault), grants: await loadGrants(db, vault), received: await loadReceived(db, vault) };
    const report = await checkSharingAtUnlock(db, vault, T0);
    expect(report).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [] });
    expect(vault.manifest.get(BOUND_MARK)).toBe(1);
    for (const table of [db.contacts, db.shares, db.received]) for (const row of await table.toArray()) expect(row.rev).toBe(1);
    expect([...vault.manifest.keys()].filter((key) => key.includes('/')).sort()).toEqual([
      BOUND_MARK,
      ...tables.contacts!.map((r) => `contacts/${(r as { id: string }).id}`),
      'outbox/1',
      ...tables.received!.map((r) => `received/${(r as { id: string }).id}`),
      ...tables.shares!.map((r) => `shares/${(r as { id: string }).id}`),
    ].sort());
    const expiring = (await db.received.toArray()).find((r) => r.expiresAt !== undefined);
    expect(expiring?.expiredTombstone).toBeDefined();
    expect(await loadContacts(db, vault)).toEqual(contentsBefore.contacts);
    expect(await loadGrants(db, vault)).toEqual(contentsBefore.grants);
    expect(await loadReceived(db, vault)).toEqual(contentsBefore.received);
    // The manifest that lists them is the sealed one in the header, not only the copy in memory.
    const header = (await db.header.get('vault'))!;
    expect(openManifest(vault.vaultKey, vault.vaultId, header.manifest)).toEqual(vault.manifest);
    // A version-2 row written back afterwards is refused (T09), and reported at the next unlock.
    const legacy = tables.contacts![0] as { id: string };
    await db.contacts.put(legacy as never);
    expect(await getContact(db, vault, legacy.id)).toEqual({ state: 'damaged' });
    expect((await checkSharingAtUnlock(db, vault, T0)).rolledBack).toEqual([`contacts/${legacy.id}`]);
    db.close();
  });
});
