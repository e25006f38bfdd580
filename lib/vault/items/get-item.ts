/** Opens one live item for the item view. */
import type { ItemRecord, VaultDb } from '../../db/vault-db';
import { VaultError } from '../model/vault-error';
import type { Item } from '../model/item-schema';
import { openCurrentItem } from '../records/open-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * Opens the item's own record (its details: password, notes, history, fields). A record that does not open,
 * or is not the revision the manifest names, is reported here, when it is opened (issue 15, S8): its list row
 * turns into a quarantined one so the list shows it too.
 * @throws VaultError `not-found` for unknown or deleted ids, `corrupted` when it does not decrypt
 */
export async function getItem(db: VaultDb, vault: UnlockedVault, id: string): Promise<Item> {
  const record = await getLiveRecord(db, id);
  try {
    return { id, rev: record.rev, content: openCurrentItem(vault, record) };
  } catch {
    vault.summaries.set(id, { state: 'quarantined', id });
    throw new VaultError('corrupted', 'This item is damaged and cannot be decrypted. Your other items are safe.');
  }
}

/**
 * @throws VaultError `not-found`
 */
export async function getLiveRecord(db: VaultDb, id: string): Promise<ItemRecord> {
  const record = await db.items.get(id);
  if (!record || record.deletedAt !== null) throw new VaultError('not-found', 'This item no longer exists.');
  return record;
}
