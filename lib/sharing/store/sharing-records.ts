/**
 * The sealed sharing tables, each paired once with its opener over load-sealed-records: every contact
 * (sorted by handle), grant, received copy or request, and one of them by id. The pairing is the point:
 * contact and grant rows have the same shape, so a table handed to the wrong opener would type-check and
 * report every record damaged. Damaged records (including rows the manifest lists but the table lacks, and
 * rows at another revision than the manifest's, T09) come back as ids, for the caller to report (S8).
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { recordKey } from '../../vault/records/manifest';
import { listedIds, type BoundTable } from './bound-records';
import { getSealedRecord, loadSealedRecords, type LoadedRecords, type RecordLookup } from './load-sealed-records';
import { openContact, type StoredContact } from './stored-contact';
import { openGrant, type StoredGrant } from './stored-grant';
import { openReceived, type StoredReceived } from './stored-received';
import { openRequest, type StoredRequest } from './stored-request';

type Keys = Pick<UnlockedVault, 'vaultKey' | 'vaultId' | 'manifest'>;

const listed = (vault: Keys, table: BoundTable) => () => listedIds(vault, table);
const isListed = (vault: Keys, table: BoundTable, id: string) => () => vault.manifest.has(recordKey(table, id));

/** @returns every contact that opens, sorted by handle, and the ids of damaged contact records */
export async function loadContacts(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredContact>> {
  const loaded = await loadSealedRecords(db.contacts, (record) => openContact(vault, record), listed(vault, 'contacts'));
  loaded.records.sort((a, b) => a.contact.handle.localeCompare(b.contact.handle));
  return loaded;
}

/** @returns every outgoing grant that opens, and the share ids of damaged grant records */
export function loadGrants(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredGrant>> {
  return loadSealedRecords(db.shares, (record) => openGrant(vault, record), listed(vault, 'shares'));
}

/** @returns every received copy (live or tombstone) that opens, and the share ids of damaged ones */
export function loadReceived(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredReceived>> {
  return loadSealedRecords(db.received, (record) => openReceived(vault, record), listed(vault, 'received'));
}

/** @returns every waiting request that opens, oldest first, and the ids of damaged ones */
export async function loadRequests(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredRequest>> {
  const loaded = await loadSealedRecords(db.requests, (record) => openRequest(vault, record), listed(vault, 'requests'));
  loaded.records.sort((a, b) => a.receivedAt - b.receivedAt);
  return loaded;
}

/** The contact stored under `id` (a random hex id), reading that record only. */
export function getContact(db: VaultDb, vault: Keys, id: string): Promise<RecordLookup<StoredContact>> {
  return getSealedRecord(db.contacts, id, (record) => openContact(vault, record), isListed(vault, 'contacts', id));
}

/** The outgoing grant of share `shareId`, reading that record only. */
export function getGrant(db: VaultDb, vault: Keys, shareId: string): Promise<RecordLookup<StoredGrant>> {
  return getSealedRecord(db.shares, shareId, (record) => openGrant(vault, record), isListed(vault, 'shares', shareId));
}

/** The received copy (live or tombstone) of share `shareId`, reading that record only. */
export function getReceived(db: VaultDb, vault: Keys, shareId: string): Promise<RecordLookup<StoredReceived>> {
  return getSealedRecord(db.received, shareId, (record) => openReceived(vault, record), isListed(vault, 'received', shareId));
}

/** The request stored under `id`, reading that record only. */
export function getRequest(db: VaultDb, vault: Keys, id: string): Promise<RecordLookup<StoredRequest>> {
  return getSealedRecord(db.requests, id, (record) => openRequest(vault, record), isListed(vault, 'requests', id));
}
