/**
 * Reads this client's sealed folder records: all of them, or one by id. A record that does not open, is at
 * another revision than the manifest lists, is listed but gone, or is there but not listed is damaged: it is
 * reported (S8), never taken for an absent folder and never acted on (T09); the other folders still open.
 */
import type { VaultDb } from '../../db/vault-db';
import { getSealedRecord, loadSealedRecords, type LoadedRecords, type RecordLookup } from '../../sharing/store/load-sealed-records';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { recordKey } from '../../vault/records/manifest';
import { FOLDERS_TABLE } from './commit-folders';
import { openFolder, type StoredFolder } from './stored-folder';

type Keys = Pick<UnlockedVault, 'vaultKey' | 'vaultId' | 'manifest'>;

/** The folder ids the manifest lists. */
export function listedFolderIds(vault: Pick<UnlockedVault, 'manifest'>): string[] {
  const prefix = `${FOLDERS_TABLE}/`;
  return [...vault.manifest.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

const open = (vault: Keys) => (record: Parameters<typeof openFolder>[1]) => openFolder(vault, record, vault.manifest.get(recordKey(FOLDERS_TABLE, record.id)));

/**
 * Every folder that opens, sorted by name, and the ids of the damaged ones. Opens each record once: for
 * a 1,000-item folder about 1 MB of JSON, parsed and validated (tests/bench: folder-open).
 */
export async function loadFolders(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredFolder>> {
  const loaded = await loadSealedRecords(db.folders, open(vault), () => listedFolderIds(vault));
  loaded.records.sort((a, b) => a.name.localeCompare(b.name));
  return loaded;
}

/** The folder `folderId`, reading that record only. */
export function getFolder(db: VaultDb, vault: Keys, folderId: string): Promise<RecordLookup<StoredFolder>> {
  return getSealedRecord(db.folders, folderId, open(vault), () => vault.manifest.has(recordKey(FOLDERS_TABLE, folderId)));
}
