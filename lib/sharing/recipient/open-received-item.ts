/**
 * Opens a received item for the recipient's UI, masked by its permission, and now and then (at most once
 * an hour per share) seals an "opened" receipt back to the owner, who shows it as reported by this client.
 * Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import type { ContactState } from '../contacts/contact';
import type { Permission } from '../../vault/model/share-permission';
import type { Identity } from '../identity/identity';
import { replyToShare } from '../grants/reply-to-share';
import type { Item } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { findLiveReceived, isFromContact } from './find-live-received';
import { maskForPermission } from '../../vault/model/item-fields';

/** How often an "opened" receipt goes out per share, ms. */
export const OPENED_RECEIPT_INTERVAL_MS = 60 * 60 * 1000;

/** A received item as the UI shows it. */
export interface ReceivedItemView {
  item: Item;
  from: { handle: string; state: ContactState | 'unknown' };
  permission: Permission;
  state: 'pending' | 'accepted' | 'declined';
  expiresAt: number | null;
  receivedAt: number;
  /** An edit I proposed that the owner has not answered with a new version yet. */
  editPending: boolean;
  /** Owner versions that never arrived (withheld or lost, T04), or null. */
  missing: { from: number; to: number } | null;
}

/**
 * @param me - my identity, which seals the receipt; null opens the item without sending one
 * @param now - ms since epoch
 * @throws VaultError `not-found`, `corrupted`
 */
export async function openReceivedItem(db: VaultDb, vault: UnlockedVault, me: Identity | null, id: string, now: number): Promise<ReceivedItemView> {
  const found = await findLiveReceived(db, vault, id, now);
  const { live } = found;
  const { share } = live;
  // A gone, damaged or re-pinned owner contact only means no receipt and "not in your contacts": the item still opens.
  const owner = found.owner.state === 'found' && isFromContact(share, found.owner.record.contact) ? found.owner.record : null;
  const due = live.openedReceiptAt === null || now - live.openedReceiptAt >= OPENED_RECEIPT_INTERVAL_MS;
  if (me && owner && share.state === 'accepted' && due) {
    const reply = replyToShare(me, owner.contact, share, { kind: 'receipt', event: 'opened', at: now }, now);
    await commitSharing(db, vault, {
      received: [{ ...live, share: reply.share, openedReceiptAt: now }],
      outbox: [{ kind: 'post', envelopes: [{ to: owner.contact.handle, shareId: live.replyRelayId, envelope: reply.envelope }] }],
    }, now);
  }
  return {
    item: { id, rev: share.version, content: maskForPermission(share.item, share.permission) },
    from: { handle: share.owner.handle, state: owner?.contact.state ?? 'unknown' },
    permission: share.permission,
    state: share.state,
    expiresAt: share.expiresAt,
    receivedAt: share.receivedAt,
    editPending: live.editSentAt !== null,
    missing: live.missing,
  };
}
