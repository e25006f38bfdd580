/**
 * Opens an unlocked vault's state from its header: the manifest, then the list rows from the overview buckets
 * (lib/vault/records/overview-bucket) — a few dozen decryptions instead of one per item. Item records are only
 * counted here (missing and unlisted ones are reported); each is opened, and checked, when it is used.
 *
 * A vault written before overview buckets (its manifest is the bare id list) is opened the old way, every
 * record decrypted, and its buckets are written then: that is its migration.
 */
import type { VaultKey } from '../../crypto/keys';
import type { HeaderRecord, VaultDb } from '../../db/vault-db';
import type { IntegrityReport } from '../model/integrity-report';
import { VaultError } from '../model/vault-error';
import { commitChanges } from '../records/commit-changes';
import { isItemKey, openManifestParts, type ManifestParts } from '../records/manifest';
import { openCurrentItem } from '../records/open-item';
import { openOverviewBucket, overviewBucketOf, overviewRow } from '../records/overview-bucket';
import { openVaultState, type UnlockedVault } from '../keys/unlocked-vault';
import { checkIntegrity } from './check-integrity';

/**
 * @param vaultKey - the unwrapped vault key; kept by the returned vault (the caller wipes it on failure)
 * @returns the vault with its list rows, and what unlock reports (T09, S8)
 * @throws VaultError `corrupted` when the manifest does not open
 */
export async function openVault(db: VaultDb, header: HeaderRecord, vaultKey: VaultKey): Promise<{ vault: UnlockedVault; integrity: IntegrityReport }> {
  let parts: ManifestParts;
  try {
    parts = openManifestParts(vaultKey, header.vaultId, header.manifest);
  } catch {
    throw new VaultError('corrupted', 'The vault’s list of items is damaged; it cannot be checked.');
  }
  const vault = openVaultState(header.vaultId, vaultKey, parts.items, parts.overviews ?? new Map());
  const integrity = parts.overviews === null ? await migrateToOverviews(db, vault) : await loadOverviews(db, vault);
  return { vault, integrity };
}

/**
 * Fills the list from the overview buckets. A bucket that does not open (damaged, rolled back, moved) is
 * reported, and the items it held are read from their own records instead, so none of them is lost (S8).
 */
async function loadOverviews(db: VaultDb, vault: UnlockedVault): Promise<IntegrityReport> {
  const [stored, storedIds] = await Promise.all([db.overviews.toArray(), db.items.toCollection().primaryKeys()]);
  const sealedBuckets = new Map(stored.map((record) => [record.id, record.sealed]));
  const damagedOverviews: number[] = [];
  for (const [bucket, rev] of vault.overviews) {
    try {
      vault.overviewRows.set(bucket, openOverviewBucket(vault.vaultKey, vault.vaultId, bucket, rev, sealedBuckets.get(bucket)));
    } catch {
      damagedOverviews.push(bucket);
    }
  }

  // Rows at the manifest's revision are listed; any other row is dropped, so the next write leaves it out.
  let listed = 0;
  for (const rows of vault.overviewRows.values()) {
    for (const [id, row] of rows) {
      if (vault.manifest.get(id) !== row.rev) {
        rows.delete(id);
        continue;
      }
      listed++;
      if (!row.deleted) vault.summaries.set(id, row.summary);
    }
  }
  // A record the manifest never listed is not trusted, whatever it holds (T09).
  const unexpected = (storedIds as string[]).filter((id) => !vault.manifest.has(id));
  // Other tables' records (sharing's `<table>/<id>` keys) are checked by their own feature.
  let items = 0;
  for (const id of vault.manifest.keys()) if (isItemKey(id)) items++;
  const missing: string[] = [];
  const recover: string[] = [];
  // Every stored record listed in the manifest, as many as it names, each with its row: nothing is missing or to
  // recover, and the 10,000-item unlock skips a lookup per item (issue 15). Else each item is looked at.
  if (unexpected.length > 0 || storedIds.length !== items || listed !== items) {
    const storedSet = new Set(storedIds);
    for (const [id, rev] of vault.manifest) {
      if (!isItemKey(id)) continue;
      if (!storedSet.has(id)) {
        missing.push(id);
        vault.summaries.delete(id);
        continue;
      }
      if (vault.overviewRows.get(overviewBucketOf(id))?.get(id)?.rev !== rev) recover.push(id);
    }
  }

  const quarantined: string[] = [];
  const quarantine = (id: string) => {
    quarantined.push(id);
    vault.summaries.set(id, { state: 'quarantined', id });
  };
  // Rows of a damaged bucket come back from the items themselves; the next write to the bucket re-seals them.
  const records = await db.items.bulkGet(recover);
  records.forEach((record, i) => {
    const id = recover[i]!;
    try {
      if (!record) throw new Error('gone meanwhile');
      const row = overviewRow(id, record.rev, openCurrentItem(vault, record), record.deletedAt !== null);
      const bucket = overviewBucketOf(id);
      let rows = vault.overviewRows.get(bucket);
      if (!rows) vault.overviewRows.set(bucket, (rows = new Map()));
      rows.set(id, row);
      if (!row.deleted) vault.summaries.set(id, row.summary);
    } catch {
      quarantine(id);
    }
  });
  unexpected.forEach(quarantine);
  return { missing, unexpected, rolledBack: [], quarantined, damagedOverviews };
}

/** Opens every record of a vault without buckets, as unlock did before them, and writes its buckets. */
async function migrateToOverviews(db: VaultDb, vault: UnlockedVault): Promise<IntegrityReport> {
  const records = await db.items.toArray();
  const report = checkIntegrity(vault.manifest, records);
  for (const record of records) {
    try {
      const row = overviewRow(record.id, record.rev, openCurrentItem(vault, record), record.deletedAt !== null);
      const bucket = overviewBucketOf(record.id);
      let rows = vault.overviewRows.get(bucket);
      if (!rows) vault.overviewRows.set(bucket, (rows = new Map()));
      rows.set(record.id, row);
      if (!row.deleted) vault.summaries.set(record.id, row.summary);
    } catch {
      report.quarantined.push(record.id);
      vault.summaries.set(record.id, { state: 'quarantined', id: record.id });
    }
  }
  await commitChanges(db, vault, { reseal: [...vault.overviewRows.keys()] });
  return report;
}
