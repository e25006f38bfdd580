/**
 * The integrity check the vault page runs on demand (issue 15): unlock only opens the overview buckets, so this
 * is where every item's own record is opened and checked against the manifest, as unlock did before buckets.
 */
import type { VaultDb } from '../../db/vault-db';
import type { IntegrityReport } from '../model/integrity-report';
import { openCurrentItem } from '../records/open-item';
import { openOverviewBucket } from '../records/overview-bucket';
import type { UnlockedVault } from '../keys/unlocked-vault';
import { checkIntegrity } from './check-integrity';

/**
 * Opens every overview bucket and every item record (about 30 µs per item). Records that do not open, or are
 * not the revision the manifest names, become quarantined rows in the list, so the list shows what was found.
 * @returns missing, unlisted and rolled-back records, the records that do not open, and the buckets that do not open
 * @example const report = await checkVaultIntegrity(db, vault); // report.quarantined: ids of damaged items
 */
export async function checkVaultIntegrity(db: VaultDb, vault: UnlockedVault): Promise<IntegrityReport> {
  const [records, buckets] = await Promise.all([db.items.toArray(), db.overviews.toArray()]);
  const report = checkIntegrity(vault.manifest, records);
  const sealed = new Map(buckets.map((bucket) => [bucket.id, bucket.sealed]));
  for (const [bucket, rev] of vault.overviews) {
    try {
      openOverviewBucket(vault.vaultKey, vault.vaultId, bucket, rev, sealed.get(bucket));
    } catch {
      report.damagedOverviews.push(bucket);
    }
  }
  for (const record of records) {
    try {
      openCurrentItem(vault, record);
    } catch {
      report.quarantined.push(record.id);
      vault.summaries.set(record.id, { state: 'quarantined', id: record.id });
    }
  }
  return report;
}
