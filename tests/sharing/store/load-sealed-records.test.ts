/**
 * Reading the sealed sharing tables (S8, T09): a damaged row among good ones leaves the good ones open and
 * is reported by id; a lookup by id reads that one row and tells found, absent and damaged apart; a row
 * the manifest lists but the table lacks, or one at another revision, is damaged too; a bug in an opener
 * is not mistaken for damage. Rows are tampered in IndexedDB itself (fake-indexeddb).
 */
import { describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { getSealedRecord, loadSealedRecords, requireRecord } from '../../../lib/sharing/store/load-sealed-records';
import { getContact, getGrant, getReceived, loadContacts, loadGrants, loadReceived } from '../../../lib/sharing/store/sharing-records';
import { sealContact } from '../../../lib/sharing/store/stored-contact';
import { sealGrant, type StoredGrant } from '../../../lib/sharing/store/stored-grant';
import { sealReceived } from '../../../lib/sharing/store/stored-received';
import { openVaultState } from '../../../lib/vault/keys/unlocked-vault';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { recordKey } from '../../../lib/vault/records/manifest';
import { sealJson } from '../../../lib/vault/records/sealed-json';
import { toBase64 } from '../../../lib/crypto/base64';
import { BOUND_MARK, type BoundTable } from '../../../lib/sharing/store/bound-records';
import { contactContext } from '../../../lib/sharing/store/sharing-context';
import { newDb, T0 } from '../../vault/fixtures';
import { contactOf, person } from '../fixtures';
import { flipStoredByte } from '../flip-stored-byte';

const vault = openVaultState('11'.repeat(16), generateKey<VaultKey>(), new Map([[BOUND_MARK, 1]]));

/** Lists `row` in the vault's manifest at its revision, as commitSharing would have. */
function listed<R extends { id: string; rev?: number }>(table: BoundTable, row: R): R {
  vault.manifest.set(recordKey(table, row.id), row.rev ?? 0);
  return row;
}
const [ann, bob, cat] = ['ann', 'bob', 'cat'].map((handle) => contactOf(person(handle)));

function grant(): StoredGrant {
  return {
    grant: { shareId: newShareId(), itemId: 'item-1', recipient: { handle: 'bob', fingerprint: bob!.fingerprint }, permission: 'view', since: T0, until: null, state: 'pending', version: 1, recipientVersion: 0, deliveredAt: null, acceptedAt: null, lastOpenedAt: null, endedAt: null },
    contactId: 'c-bob',
    sentDigest: 'ab'.repeat(32),
    missing: null,
    rotateDismissed: false,
  };
}

/** Three contacts stored in reverse handle order; the middle one's bytes flipped. */
async function contactsWithOneDamaged() {
  const db = newDb();
  await db.contacts.bulkPut([listed('contacts', sealContact(vault, 'c-cat', cat!, 1)), listed('contacts', sealContact(vault, 'c-bob', bob!, 1)), listed('contacts', sealContact(vault, 'c-ann', ann!, 1))]);
  await flipStoredByte(db.contacts, 'c-bob');
  return db;
}

describe('loadSealedRecords (S8)', () => {
  it('S8: a damaged contact among good ones: the good ones open (sorted by handle), the damaged id is reported', async () => {
    const db = await contactsWithOneDamaged();
    const { records, damaged } = await loadContacts(db, vault);
    expect(records.map((r) => [r.id, r.contact.handle])).toEqual([
      ['c-ann', 'ann'],
      ['c-cat', 'cat'],
    ]);
    expect(damaged).toEqual(['c-bob']);
  });

  it('S8: grants and received copies: a flipped byte or a record moved under another id is reported, the rest opens', async () => {
    const db = newDb();
    const [good, flipped, moved] = [grant(), grant(), grant()];
    const movedId = newShareId();
    await db.shares.bulkPut([listed('shares', sealGrant(vault, good, 1)), listed('shares', sealGrant(vault, flipped, 1)), listed('shares', { ...sealGrant(vault, moved, 1), id: movedId })]);
    await flipStoredByte(db.shares, flipped.grant.shareId);
    const grants = await loadGrants(db, vault);
    expect(grants.records).toEqual([good]);
    expect(grants.damaged.sort()).toEqual([flipped.grant.shareId, movedId].sort());

    const tombstones = [newShareId(), newShareId()].map((shareId) => listed('received', sealReceived(vault, { status: 'ended', shareId, version: 2, endedAt: T0, because: 'revoked' }, 1)));
    await db.received.bulkPut(tombstones);
    await flipStoredByte(db.received, tombstones[1]!.id);
    const received = await loadReceived(db, vault);
    expect(received.records).toEqual([expect.objectContaining({ status: 'ended', shareId: tombstones[0]!.id })]);
    expect(received.damaged).toEqual([tombstones[1]!.id]);
  });

  it('S8: every record damaged (another vault\'s key): nothing opens, every id is reported, nothing throws', async () => {
    const db = await contactsWithOneDamaged();
    const stranger = openVaultState(vault.vaultId, generateKey<VaultKey>(), vault.manifest);
    const { records, damaged } = await loadContacts(db, stranger);
    expect(records).toEqual([]);
    expect(damaged.sort()).toEqual(['c-ann', 'c-bob', 'c-cat']);
  });

  it('an empty table: no records, no damage', async () => {
    const empty = openVaultState(vault.vaultId, vault.vaultKey, new Map([[BOUND_MARK, 1]]));
    expect(await loadGrants(newDb(), empty)).toEqual({ records: [], damaged: [] });
  });

  it('a bug in the opener (not a DecryptError) is thrown, not reported as damage', async () => {
    const db = await contactsWithOneDamaged();
    const bug = () => {
      throw new TypeError('bug');
    };
    await expect(loadSealedRecords(db.contacts, bug, () => [])).rejects.toThrow(TypeError);
    await expect(getSealedRecord(db.contacts, 'c-ann', bug, () => true)).rejects.toThrow(TypeError);
  });
});

describe('lookups by id (S8)', () => {
  it('S8: getContact tells found, absent and damaged apart, reading the one row only', async () => {
    const db = await contactsWithOneDamaged();
    const wholeTable = vi.spyOn(db.contacts, 'toArray');
    expect(await getContact(db, vault, 'c-ann')).toEqual({ state: 'found', record: { id: 'c-ann', contact: ann } });
    expect(await getContact(db, vault, 'c-nobody')).toEqual({ state: 'absent' });
    expect(await getContact(db, vault, 'c-bob')).toEqual({ state: 'damaged' });
    expect(wholeTable).not.toHaveBeenCalled();
  });

  it('S8: getGrant and getReceived: a good, an absent and a tampered record', async () => {
    const db = newDb();
    const [good, bad] = [grant(), grant()];
    await db.shares.bulkPut([listed('shares', sealGrant(vault, good, 1)), listed('shares', sealGrant(vault, bad, 1))]);
    await flipStoredByte(db.shares, bad.grant.shareId);
    expect(await getGrant(db, vault, good.grant.shareId)).toEqual({ state: 'found', record: good });
    expect(await getGrant(db, vault, newShareId())).toEqual({ state: 'absent' });
    expect(await getGrant(db, vault, bad.grant.shareId)).toEqual({ state: 'damaged' });

    const shareId = newShareId();
    const tombstone = listed('received', sealReceived(vault, { status: 'ended', shareId, version: 1, endedAt: T0, because: 'declined' }, 1));
    // A tombstone whose clear expiry column was added afterwards no longer authenticates (S2): damaged.
    await db.received.put({ ...tombstone, expiresAt: T0 + 1 });
    expect(await getReceived(db, vault, shareId)).toEqual({ state: 'damaged' });
    await db.received.put(tombstone);
    expect(await getReceived(db, vault, shareId)).toMatchObject({ state: 'found', record: { status: 'ended', shareId } });
    expect(await getReceived(db, vault, newShareId())).toEqual({ state: 'absent' });
  });

  it('T09: a row the manifest lists but the table lacks is damaged, not absent; so is a row at another revision or one it does not list', async () => {
    const db = newDb();
    const [gone, old, revived] = [grant(), grant(), grant()];
    listed('shares', sealGrant(vault, gone, 3));
    await db.shares.put(sealGrant(vault, old, 1));
    vault.manifest.set(recordKey('shares', old.grant.shareId), 2);
    await db.shares.put(sealGrant(vault, revived, 1));
    for (const g of [gone, old, revived]) expect(await getGrant(db, vault, g.grant.shareId)).toEqual({ state: 'damaged' });
    // A clear revision moved to match the manifest no longer authenticates: it is bound into the record.
    await db.shares.put({ ...(await db.shares.get(old.grant.shareId))!, rev: 2 });
    expect(await getGrant(db, vault, old.grant.shareId)).toEqual({ state: 'damaged' });
    const { records, damaged } = await loadGrants(db, vault);
    expect(records).toEqual([]);
    expect(damaged).toEqual(expect.arrayContaining([gone, old, revived].map((g) => g.grant.shareId)));
  });

  it('before the vault binds its sharing records, rows without a revision (written by an earlier version) still open; after, they do not', async () => {
    const legacy = openVaultState('33'.repeat(16), vault.vaultKey, new Map());
    const db = newDb();
    const { rev: _rev, ...row } = sealContact(legacy, 'c-ann', ann!, 1);
    await db.contacts.put({ ...row, sealed: sealJson(legacy.vaultKey, JSON.parse(JSON.stringify({ ...ann!, encryptionKey: toBase64(ann!.encryptionKey), signingKey: toBase64(ann!.signingKey) })), contactContext(legacy.vaultId, 'c-ann', undefined)) });
    expect(await getContact(db, legacy, 'c-ann')).toEqual({ state: 'found', record: { id: 'c-ann', contact: ann } });
    legacy.manifest.set(BOUND_MARK, 1);
    expect(await getContact(db, legacy, 'c-ann')).toEqual({ state: 'damaged' });
  });

  it('S8: requireRecord: absent → not-found, damaged → corrupted, each with the caller\'s words', () => {
    const words = { absent: 'That contact no longer exists.', damaged: 'This contact’s record is damaged.' };
    expect(requireRecord({ state: 'found', record: 7 }, words)).toBe(7);
    expect(() => requireRecord({ state: 'absent' }, words)).toThrow(VaultError);
    expect(() => requireRecord({ state: 'absent' }, words)).toThrow(expect.objectContaining({ code: 'not-found', message: words.absent }));
    expect(() => requireRecord({ state: 'damaged' }, words)).toThrow(expect.objectContaining({ code: 'corrupted', message: words.damaged }));
  });
});
