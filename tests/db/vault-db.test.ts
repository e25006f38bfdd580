/**
 * VaultDb: the schema (tables, keys, the multi-entry domain index) and S1/T07: a dump of every table of a
 * real vault, searched for every user-typed value, finds none of them.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../lib/crypto/generate-key';
import type { VaultKey } from '../../lib/crypto/keys';
import { VaultDb, type ItemRecord } from '../../lib/db/vault-db';
import { createItem } from '../../lib/vault/items/create-item';
import { createVault } from '../../lib/vault/lifecycle/create-vault';
import { recordAuditEvent } from '../../lib/vault/records/record-audit-event';
import { sealItem } from '../../lib/vault/records/seal-item';
import { openVaultState } from '../../lib/vault/keys/unlocked-vault';
import { updateItem } from '../../lib/vault/items/update-item';
import { contentOf, dumpDb, KDF_TIMEOUT, loginInput, newDb, noteInput, PASSWORD, spellings, T0, type Dump } from '../vault/fixtures';

describe('VaultDb schema', () => {
  it('has the header, items and audit tables with the documented primary keys', () => {
    const db = newDb();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'contacts', 'folders', 'header', 'identity', 'items', 'links', 'outbox', 'overviews', 'received', 'requestAnswers', 'requests', 'secretRequests', 'shares']);
    expect(db.header.schema.primKey.keyPath).toBe('id');
    expect(db.items.schema.primKey.keyPath).toBe('id');
    expect(db.audit.schema.primKey.keyPath).toBe('seq');
  });

  it('indexes items only by the multi-entry domain tags (nothing else is queryable in clear)', () => {
    const db = newDb();
    expect(db.items.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['domains', true]]);
    expect(db.header.schema.indexes).toEqual([]);
    expect(db.audit.schema.indexes).toEqual([]);
  });

  it('defaults to the database name "sealpass-vault"', () => {
    expect(new VaultDb().name).toBe('sealpass-vault');
  });

  it('the multi-entry index finds a record by any one of its tags', async () => {
    const db = newDb();
    const vault = openVaultState('aa'.repeat(16), generateKey<VaultKey>(), new Map());
    const record = (id: string, urls: string[]): ItemRecord => sealItem(vault, id, 1, contentOf(loginInput({ urls }), T0));
    await db.items.bulkPut([record('a', ['https://one.test', 'https://two.test']), record('b', ['https://two.test']), record('c', [])]);
    const [one, two] = (await db.items.get('a'))!.domains;
    expect((await db.items.where('domains').equals(one!).primaryKeys()).sort()).toEqual(['a']);
    expect((await db.items.where('domains').equals(two!).primaryKeys()).sort()).toEqual(['a', 'b']);
  });

  it('separate names are separate databases', async () => {
    const a = newDb();
    const b = newDb();
    await a.audit.put({ seq: 1, sealed: { v: 1, alg: 'xchacha20poly1305', nonce: new Uint8Array(24), ct: new Uint8Array(16) }, hash: new Uint8Array(32) });
    expect(await b.audit.count()).toBe(0);
  });
});

describe('S1/T07: a dump of every table contains no user-typed value', () => {
  const site = 'urlmarker-x9fv.com';
  const host = `login.${site}`;
  const markers = {
    title: 'TITLE-MARKER-q7Zp',
    username: 'user-marker-k3Lw@mailmarker.test',
    url: `https://${host}/signin?next=%2Fhome`,
    password: 'PASSWORD-MARKER-8hQe!',
    oldPassword: 'OLD-PASSWORD-MARKER-2sDf',
    totp: 'TOTPSECRETMARKERJBSWY3DP',
    notes: 'NOTES-MARKER-m2Vc',
    folder: 'FOLDER-MARKER-r5Tn',
    tag: 'tag-marker-b4Jy',
    fieldName: 'FIELDNAME-MARKER-w1Xs',
    fieldValue: 'FIELDVALUE-MARKER-e6Gd',
    noteTitle: 'Ünïcødé-NOTE-MARKER-密码',
    noteBody: 'NOTE-BODY-MARKER-z8Kc',
    masterPassword: PASSWORD,
  };
  let dump: Dump;
  let vaultKeyHex: string;

  beforeAll(async () => {
    const db = newDb();
    const vault = await createVault(db, PASSWORD, undefined, T0);
    vaultKeyHex = bytesToHex(vault.vaultKey);
    const login = (password: string) => loginInput({
      title: markers.title,
      username: markers.username,
      urls: [markers.url],
      password,
      totp: markers.totp,
      notes: markers.notes,
      folder: markers.folder,
      tags: [markers.tag],
      fields: [{ name: markers.fieldName, value: markers.fieldValue, hidden: true }],
    });
    const id = await createItem(db, vault, login(markers.oldPassword), T0 + 1);
    await updateItem(db, vault, id, login(markers.password), T0 + 2); // the old password goes into the history
    await createItem(db, vault, noteInput({ title: markers.noteTitle, notes: markers.noteBody, folder: markers.folder, tags: [markers.tag] }), T0 + 3);
    await recordAuditEvent(db, vault, { type: 'password-revealed', itemId: id, itemTitle: markers.title }, T0 + 4);
    dump = await dumpDb(db);
  }, KDF_TIMEOUT);

  it('the dump holds every table and the records really are there (control)', () => {
    const parsed = JSON.parse(dump.hex) as Record<string, unknown[]>;
    expect(Object.keys(parsed).sort()).toEqual(['audit', 'contacts', 'folders', 'header', 'identity', 'items', 'links', 'outbox', 'overviews', 'received', 'requestAnswers', 'requests', 'secretRequests', 'shares']);
    expect(parsed.items).toHaveLength(2);
    expect(parsed.audit).toHaveLength(5);
    // The overview buckets hold every title, username, URL and folder a second time: they are searched too.
    expect(parsed.overviews!.length).toBeGreaterThan(0);
  });

  it('the search would find a clear value hidden in bytes or text (control for the dump itself)', async () => {
    const db = newDb();
    const clear = new TextEncoder().encode(markers.noteTitle);
    await db.audit.put({ seq: 1, sealed: { v: 1, alg: 'xchacha20poly1305', nonce: new Uint8Array(24), ct: clear }, hash: new Uint8Array(32) });
    await db.items.put({ ...sealItem(openVaultState('v', generateKey<VaultKey>(), new Map()), 'x', 1, contentOf(noteInput(), T0)), domains: [markers.tag] });
    const leaky = await dumpDb(db);
    expect(spellings(markers.noteTitle).some((s) => leaky.latin1.includes(s))).toBe(true);
    expect(leaky.hex).toContain(bytesToHex(clear));
    expect(leaky.hex).toContain(markers.tag);
  });

  it.each(Object.entries(markers))('no trace of the %s, in hex or as latin1 text', (_field, marker) => {
    for (const spelling of spellings(marker)) {
      expect(dump.hex).not.toContain(spelling);
      expect(dump.latin1).not.toContain(spelling);
    }
  });

  it('no trace of the URL’s hostname or registrable domain', () => {
    for (const text of [host, site, 'urlmarker-x9fv']) {
      for (const spelling of spellings(text)) {
        expect(dump.hex).not.toContain(spelling);
        expect(dump.latin1).not.toContain(spelling);
      }
    }
  });

  it('S3: the vault key itself is not stored', () => {
    expect(dump.hex).not.toContain(vaultKeyHex);
  });
});
