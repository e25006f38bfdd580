/** Deletes an item so it can be undone: the record stays, marked deleted, at a new revision. */
import type { VaultDb } from '../../db/vault-db';
import type { ItemContent } from '../model/item-schema';
import { VaultError } from '../model/vault-error';
import { commitChanges } from '../records/commit-changes';
import { openCurrentItem } from '../records/open-item';
import { overviewRow } from '../records/overview-bucket';
import { sealItem } from '../records/seal-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Marks the item deleted; `restoreItem` undoes it. A quarantined (undecryptable) item is removed for good.
 * @throws VaultError `not-found`
 */
export async function deleteItem(db: VaultDb, vault: UnlockedVault, id: string, now = Date.now()): Promise<void> {
  await setDeleted(db, vault, id, now, now);
}

/**
 * Brings a deleted item back.
 * @throws VaultError `not-found` when there is no deleted item with this id
 */
export async function restoreItem(db: VaultDb, vault: UnlockedVault, id: string, now = Date.now()): Promise<void> {
  await setDeleted(db, vault, id, null, now);
}

async function setDeleted(db: VaultDb, vault: UnlockedVault, id: string, deletedAt: number | null, now: number): Promise<void> {
  const record = await db.items.get(id);
  if (!record || (record.deletedAt === null) === (deletedAt === null)) throw new VaultError('not-found', 'This item no longer exists.');
  let content: ItemContent | undefined;
  try {
    content = openCurrentItem(vault, record);
  } catch {
    content = undefined;
  }
  if (!content && deletedAt === null) {
    throw new VaultError('corrupted', 'This item is damaged and cannot be restored.');
  }
  if (!content) {
    // A quarantined record cannot be re-sealed as deleted, and a deleted record that fails to open is
    // indistinguishable from a hidden live one (T09), so deleting it removes it for good.
    await commitChanges(db, vault, { remove: [id], audit: [{ type: 'item-deleted', itemId: id }] }, now);
    return;
  }
  // The deleted flag is clear (the list skips deleted records without showing them), so it is bound
  // into the associated data: the item is re-sealed at the next revision with its new state (T09).
  await commitChanges(db, vault, {
    put: [sealItem(vault, id, record.rev + 1, content, record, deletedAt)],
    rows: [overviewRow(id, record.rev + 1, content, deletedAt !== null)],
    audit: [{ type: deletedAt === null ? 'item-restored' : 'item-deleted', itemId: id, itemTitle: content.title }],
  }, now);
}
