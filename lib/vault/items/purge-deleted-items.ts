/**
 * Removes items deleted long enough ago that Undo no longer applies, so deleted data does not stay forever.
 * The clear `deletedAt` only says which records to look at: a record is removed only when it opens as
 * deleted under its associated data (item-context binds the deleted state), so a live item whose
 * `deletedAt` someone set on disk is never purged; it is returned as damaged, its list row turns quarantined,
 * and unlock reports it (T09, S8): unlock opens no other item record since overview buckets (issue 15).
 */
import type { VaultDb } from '../../db/vault-db';
import type { AuditPayload } from '../records/audit-chain';
import { commitChanges } from '../records/commit-changes';
import { openItem } from '../records/open-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** How long a deleted item is kept before it is removed for good: 30 days, in ms. */
export const DELETED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes every item deleted more than `DELETED_RETENTION_MS` before `now`, in one transaction, with an
 * `item-purged` audit event each.
 * @returns how many were removed, and the ids of records that claim to be deleted but do not open as such
 */
export async function purgeDeletedItems(db: VaultDb, vault: UnlockedVault, now = Date.now()): Promise<{ purged: number; damaged: string[] }> {
  const cutoff = now - DELETED_RETENTION_MS;
  const due = await db.items.filter((record) => record.deletedAt !== null && record.deletedAt < cutoff).toArray();
  const remove: string[] = [];
  const audit: Omit<AuditPayload, 'at'>[] = [];
  const damaged: string[] = [];
  for (const record of due) {
    let title: string;
    try {
      title = openItem(vault, record).title;
    } catch {
      // Not authenticated as deleted: a forged or damaged record, reported by unlock, never removed here.
      damaged.push(record.id);
      vault.summaries.set(record.id, { state: 'quarantined', id: record.id });
      continue;
    }
    remove.push(record.id);
    audit.push({ type: 'item-purged', itemId: record.id, itemTitle: title });
  }
  if (remove.length > 0) await commitChanges(db, vault, { remove, audit }, now);
  return { purged: remove.length, damaged };
}
