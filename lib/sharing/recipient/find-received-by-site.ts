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
import type { Permission } from '../../vault/model/share-permission';
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
  return (await findReceivedSharesBySite(db, vault, url, now)).map((found) => found.item);
}

/** A received copy as the save flow needs it: the item, what the grant allows, and whom to propose a change to. */
export interface ReceivedBySite {
  /** As findReceivedBySite returns it: received item id, the owner's version as `rev`, the full content. */
  item: Item;
  permission: Permission;
  /** The owner's handle. */
  owner: string;
}

/**
 * The same lookup with each copy's permission and owner, so that saving can tell a credential that came
 * from a share (never saved as the recipient's own, S3) and propose a change where the grant allows edits.
 * @param url - as for findReceivedBySite
 * @param now - ms since epoch
 */
export async function findReceivedSharesBySite(db: VaultDb, vault: UnlockedVault, url: string, now: number): Promise<ReceivedBySite[]> {
  const site = siteOf(url);
  if (!site) return [];
  const records = await db.received.where('domains').equals(domainTag(vault.indexKey, site)).toArray();
  const found: ReceivedBySite[] = [];
  for (const record of records) {
    try {
      const stored = openReceived(vault, record);
      if (stored.status !== 'live' || stored.share.state !== 'accepted' || !receivedShareIsLive(stored.share, now)) continue;
      const { share } = stored;
      found.push({ item: { id: receivedItemId(share.shareId), rev: share.version, content: share.item }, permission: share.permission, owner: share.owner.handle });
    } catch {
      // Damaged: never offered for filling.
    }
  }
  return found;
}
