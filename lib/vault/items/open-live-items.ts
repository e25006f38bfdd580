/**
 * Decrypts every live item for the features that need whole contents at once (Health, export): in the
 * background only, never sent to a page as a whole. A record that fails is reported, not fatal (S8).
 */
import type { VaultDb } from '../../db/vault-db';
import type { Item } from '../model/item-schema';
import { openCurrentItem } from '../records/open-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * @returns the live (not deleted) items that decrypt, in storage order, and the ids of those that do not
 * @example const { items, quarantined } = await openLiveItems(db, vault);
 */
export async function openLiveItems(db: VaultDb, vault: UnlockedVault): Promise<{ items: Item[]; quarantined: string[] }> {
  const records = await db.items.filter((record) => record.deletedAt === null).toArray();
  const items: Item[] = [];
  const quarantined: string[] = [];
  for (const record of records) {
    try {
      items.push({ id: record.id, rev: record.rev, content: openCurrentItem(vault, record) });
    } catch {
      quarantined.push(record.id);
    }
  }
  return { items, quarantined };
}
