/** Compares the authenticated manifest with the stored records (T09). */
import type { ItemRecord } from '../../db/vault-db';
import type { IntegrityReport } from '../model/integrity-report';
import { isItemKey } from '../records/manifest';

/**
 * @param manifest - id → revision from the sealed manifest (other tables' entries are left alone)
 * @param records - what the items table holds
 * @returns ids missing from the table, present but not in the manifest, and at another revision
 *   (`quarantined` is left empty for the caller to fill)
 */
export function checkIntegrity(manifest: ReadonlyMap<string, number>, records: readonly Pick<ItemRecord, 'id' | 'rev'>[]): IntegrityReport {
  const seen = new Set<string>();
  const report: IntegrityReport = { missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] };
  for (const { id, rev } of records) {
    seen.add(id);
    const expected = manifest.get(id);
    if (expected === undefined) report.unexpected.push(id);
    else if (expected !== rev) report.rolledBack.push(id);
  }
  for (const id of manifest.keys()) if (isItemKey(id) && !seen.has(id)) report.missing.push(id);
  return report;
}
