/**
 * The three sealed sharing tables, each paired once with its opener over load-sealed-records: every
 * contact (sorted by handle), grant or received copy, and one of them by id. The pairing is the point:
 * contact and grant rows have the same shape, so a table handed to the wrong opener would type-check and
 * report every record damaged. Damaged records come back as ids, for the caller to report (S8).
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { getSealedRecord, loadSealedRecords, type LoadedRecords, type RecordLookup } from './load-sealed-records';
import { openContact, type StoredContact } from './stored-contact';
import { openGrant, type StoredGrant } from './stored-grant';
import { openReceived, type StoredReceived } from './stored-received';

type Keys = Pick<UnlockedVault, 'vaultKey' | 'vaultId'>;

/** @returns every contact that opens, sorted by handle, and the ids of damaged contact records */
export async function loadContacts(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredContact>> {
  const loaded = await loadSealedRecords(db.contacts, (record) => openContact(vault, record));
  loaded.records.sort((a, b) => a.contact.handle.localeCompare(b.contact.handle));
  return loaded;
}

/** @returns every outgoing grant that opens, and the share ids of damaged grant records */
export function loadGrants(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredGrant>> {
  return loadSealedRecords(db.shares, (record) => openGrant(vault, record));
}

/** @returns every received copy (live or tombstone) that opens, and the share ids of damaged ones */
export function loadReceived(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredReceived>> {
  return loadSealedRecords(db.received, (record) => openReceived(vault, record));
}

/** The contact stored under `id` (a random hex id), reading that record only. */
export function getContact(db: VaultDb, vault: Keys, id: string): Promise<RecordLookup<StoredContact>> {
  return getSealedRecord(db.contacts, id, (record) => openContact(vault, record));
}

/** The outgoing grant of share `shareId`, reading that record only. */
export function getGrant(db: VaultDb, vault: Keys, shareId: string): Promise<RecordLookup<StoredGrant>> {
  return getSealedRecord(db.shares, shareId, (record) => openGrant(vault, record));
}

/** The received copy (live or tombstone) of share `shareId`, reading that record only. */
export function getReceived(db: VaultDb, vault: Keys, shareId: string): Promise<RecordLookup<StoredReceived>> {
  return getSealedRecord(db.received, shareId, (record) => openReceived(vault, record));
}
