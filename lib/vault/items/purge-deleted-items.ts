/**
 * Removes items deleted long enough ago that Undo no longer applies, so deleted data does not stay forever.
 * The clear `deletedAt` only says which records to look at: a record is removed only when it opens as
 * deleted under its associated data (item-context binds the deleted state), so a live item whose
 * `deletedAt` someone set on disk is never purged; unlock reports it as quarantined instead (T09, S8).
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
 * @returns how many were removed
 */
export async function purgeDeletedItems(db: VaultDb, vault: UnlockedVault, now = Date.now()): Promise<number> {
  const cutoff = now - DELETED_RETENTION_MS;
  const due = await db.items.filter((record) => record.deletedAt !== null && record.deletedAt < cutoff).toArray();
  const remove: string[] = [];
  const audit: Omit<AuditPayload, 'at'>[] = [];
  for (const record of due) {
    let title: string;
    try {
      title = openItem(vault, record).title;
    } catch {
      // Not authenticated as deleted: a forged or damaged record, reported by unlock, never removed here.
      continue;
    }
    remove.push(record.id);
    audit.push({ type: 'item-purged', itemId: record.id, itemTitle: title });
  }
  if (remove.length > 0) await commitChanges(db, vault, { remove, audit }, now);
  return remove.length;
}
