/**
 * Folders' part of the integrity check at unlock (T09, S8), beside the items' and sharing's: every folder
 * record compared with the manifest, by opaque `folders/<id>` key: listed but gone, stored but not listed,
 * at another revision than listed, or at the listed one but not opening. What it finds is refused wherever
 * the record is used (folder-records.ts); this lists it once, in the warning after unlock.
 */
import type { VaultDb } from '../../db/vault-db';
import type { IntegrityReport } from '../../vault/model/integrity-report';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { recordKey } from '../../vault/records/manifest';
import { FOLDERS_TABLE } from '../store/commit-folders';
import { listedFolderIds } from '../store/folder-records';
import { openFolder } from '../store/stored-folder';

type RecordsReport = NonNullable<IntegrityReport['records']>;

/** @returns the problems found among folder records (empty lists when there are none) */
export async function checkFoldersAtUnlock(db: VaultDb, vault: UnlockedVault): Promise<RecordsReport> {
  const report: RecordsReport = { missing: [], unexpected: [], rolledBack: [], quarantined: [] };
  const rows = await db.folders.toArray();
  const stored = new Set(rows.map((row) => row.id));
  for (const id of listedFolderIds(vault)) if (!stored.has(id)) report.missing.push(recordKey(FOLDERS_TABLE, id));
  for (const row of rows) {
    const key = recordKey(FOLDERS_TABLE, row.id);
    const listed = vault.manifest.get(key);
    if (listed === undefined) report.unexpected.push(key);
    else if (listed !== row.rev) report.rolledBack.push(key);
    else {
      try {
        openFolder(vault, row, listed);
      } catch {
        report.quarantined.push(key);
      }
    }
  }
  return report;
}

/** Joins two reports of records bound into the manifest (sharing's and folders'). */
export function joinRecordReports(a: RecordsReport | undefined, b: RecordsReport): RecordsReport {
  if (!a) return b;
  return { missing: [...a.missing, ...b.missing], unexpected: [...a.unexpected, ...b.unexpected], rolledBack: [...a.rolledBack, ...b.rolledBack], quarantined: [...a.quarantined, ...b.quarantined] };
}
