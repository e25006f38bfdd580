/**
 * Fill lookup for received logins, through the same blind index as the vault's own items (HMAC of the
 * registrable domain under the index key), so no received copy is decrypted unless it is for this site.
 * Only accepted, unexpired copies are indexed and returned. The autofill matcher applies the origin rules
 * afterwards, exactly as for the vault's own logins.
 */
import type { VaultDb } from '../../db/vault-db';
import { receivedShareIsLive } from '../grants/grant';
import { domainTag, siteOf } from '../../vault/records/blind-index';
import type { Item } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { receivedItemId } from '../store/received-item-id';
import { openReceived } from '../store/stored-received';

/**
 * @param url - a page URL or a registrable domain (as find-items-by-site takes)
 * @param now - ms since epoch; a copy past its expiry is never offered, even before the alarm deleted it
 * @returns items with received item ids (`shared-…`) and the FULL content, password included: for the
 *   background's fill path only, never for a page of the UI (use openReceivedItem there)
 */
export async function findReceivedBySite(db: VaultDb, vault: UnlockedVault, url: string, now: number): Promise<Item[]> {
  const site = siteOf(url);
  if (!site) return [];
  const records = await db.received.where('domains').equals(domainTag(vault.indexKey, site)).toArray();
  const items: Item[] = [];
  for (const record of records) {
    try {
      const stored = openReceived(vault, record);
      if (stored.status !== 'live' || stored.share.state !== 'accepted' || !receivedShareIsLive(stored.share, now)) continue;
      items.push({ id: receivedItemId(stored.share.shareId), rev: stored.share.version, content: stored.share.item });
    } catch {
      // Damaged: never offered for filling.
    }
  }
  return items;
}
