/**
 * The recipient's received shares for the UI: accepted copies as item-list rows marked "shared by", and
 * pending ones as inbox entries. Expired copies the alarm has not deleted yet are left out, and copies
 * that do not open are counted for the UI to report (S8).
 */
import type { VaultDb } from '../../db/vault-db';
import { receivedShareIsLive } from '../grants/grant';
import type { ItemSummary } from '../../vault/model/item-schema';
import { summarizeItem } from '../../vault/model/summarize-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { receivedItemId } from '../store/received-item-id';
import { getContact, loadReceived } from '../store/sharing-records';
import { isFromContact } from './find-live-received';

/**
 * @param now - ms since epoch
 * @returns list rows (`shared` set), inbox entries newest first, and the share ids of received records
 *   that did not open (accepted or pending, nobody can tell: both lists may miss them)
 */
export async function listReceived(db: VaultDb, vault: UnlockedVault, now: number) {
  const { records: received, damaged } = await loadReceived(db, vault);
  const items: ItemSummary[] = [];
  const inbox = [];
  for (const stored of received) {
    if (stored.status !== 'live' || !receivedShareIsLive(stored.share, now)) continue;
    const { share } = stored;
    const id = receivedItemId(share.shareId);
    if (share.state === 'accepted') {
      // Rows list no password and no notes, so autofill-only needs no masking here.
      const row = summarizeItem(id, share.item);
      if (row.state === 'ok') items.push({ ...row, shared: { by: share.owner.handle, permission: share.permission, expiresAt: share.expiresAt } });
    } else if (share.state === 'pending') {
      // One contact read per pending share; a sender whose record is gone or damaged shows as unknown.
      const sender = await getContact(db, vault, stored.contactId);
      inbox.push({
        id,
        title: share.item.title,
        type: share.item.type,
        from: share.owner.handle,
        fromState: sender.state === 'found' && isFromContact(share, sender.record.contact) ? sender.record.contact.state : ('unknown' as const),
        permission: share.permission,
        expiresAt: share.expiresAt,
        receivedAt: share.receivedAt,
        missing: stored.missing,
      });
    }
  }
  inbox.sort((a, b) => b.receivedAt - a.receivedAt);
  return { items, inbox, damaged };
}
