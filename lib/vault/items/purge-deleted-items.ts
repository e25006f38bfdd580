/** Removes items deleted long enough ago that Undo no longer applies, so deleted data does not stay forever. */
import type { VaultDb } from '../../db/vault-db';
import { commitChanges } from '../records/commit-changes';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** How long a deleted item is kept before it is removed for good: 30 days, in ms. */
export const DELETED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes every item deleted more than `DELETED_RETENTION_MS` before `now`, in one transaction.
 * @returns how many were removed
 */
export async function purgeDeletedItems(db: VaultDb, vault: UnlockedVault, now = Date.now()): Promise<number> {
  const cutoff = now - DELETED_RETENTION_MS;
  const expired = await db.items.filter((record) => record.deletedAt !== null && record.deletedAt < cutoff).primaryKeys();
  if (expired.length > 0) await commitChanges(db, vault, { remove: expired }, now);
  return expired.length;
}
