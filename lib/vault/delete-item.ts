/** Deletes an item so it can be undone: the record stays, marked deleted, at a new revision. */
import type { VaultDb } from '../db/vault-db';
import type { ItemContent } from './item-schema';
import { VaultError } from '../messaging/errors';
import { commitChanges } from './commit-changes';
import { openItem } from './open-item';
import { sealItem } from './seal-item';
import { summarizeItem } from './summarize-item';
import type { UnlockedVault } from './unlocked-vault';

/**
 * Marks the item deleted. `restoreItem` undoes it.
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
  // The deleted flag is outside the ciphertext, so the item is re-sealed at the next revision: the
  // manifest then tells a restored-by-an-attacker record from one restored here.
  // A quarantined record can still be deleted; it keeps its revision since it cannot be re-sealed.
  let content: ItemContent | undefined;
  try {
    content = openItem(vault, record);
  } catch {
    content = undefined;
  }
  const title = content?.title;
  const next = content ? { ...sealItem(vault, id, record.rev + 1, content, record), deletedAt } : { ...record, deletedAt };
  await commitChanges(db, vault, {
    put: [next],
    audit: [{ type: deletedAt === null ? 'item-restored' : 'item-deleted', itemId: id, ...(title !== undefined ? { itemTitle: title } : {}) }],
  }, now);
  if (deletedAt !== null) vault.summaries.delete(id);
  else vault.summaries.set(id, content ? summarizeItem(id, content) : { state: 'quarantined', id });
}
