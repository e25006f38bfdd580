/**
 * Fill lookup through the blind index: finds the logins saved for a site without decrypting the rest
 * of the vault. Origin rules (exact origin, http vs https) are the autofill matcher's job.
 */
import type { VaultDb } from '../../db/vault-db';
import { domainTag, siteOf } from '../records/blind-index';
import type { Item } from '../model/item-schema';
import { openCurrentItem } from '../records/open-item';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * @param url - the page URL whose registrable domain is looked up
 * @returns the live, decryptable items tagged with that site; corrupted records are skipped
 */
export async function findItemsBySite(db: VaultDb, vault: UnlockedVault, url: string): Promise<Item[]> {
  const site = siteOf(url);
  if (!site) return [];
  const records = await db.items.where('domains').equals(domainTag(vault.indexKey, site)).toArray();
  const items: Item[] = [];
  for (const record of records) {
    if (record.deletedAt !== null) continue;
    try {
      items.push({ id: record.id, rev: record.rev, content: openCurrentItem(vault, record) });
    } catch {
      // Quarantined: reported by the list, never offered for filling.
    }
  }
  return items;
}
