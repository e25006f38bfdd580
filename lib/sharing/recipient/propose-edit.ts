/**
 * A recipient with "edit" permission sends a change back to the owner: an edit proposal sealed to the
 * owner's pinned key, made from the version on screen. The copy itself changes only when the owner's
 * client has checked the grant and sends the new version to everyone (T04: versions only move forward).
 * Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { Identity } from '../identity/identity';
import { replyToShare } from '../grants/reply-to-share';
import { itemInputSchema, type ItemContent, type ItemInput } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { findLiveReceived, ownerToReplyTo } from './find-live-received';
import { shareableContent } from '../../vault/model/item-fields';

/**
 * @param id - the received item id
 * @param input - the edited item, as typed
 * @param baseVersion - the owner's version the edit started from
 * @param now - ms since epoch
 * @throws VaultError `not-found`, `forbidden` (no edit permission, not accepted, owner gone),
 *   `corrupted` (the copy or its owner's contact record is damaged), `conflict` (a newer version arrived
 *   meanwhile), `invalid-request` (a type change)
 */
export async function proposeEdit(db: VaultDb, vault: UnlockedVault, me: Identity, id: string, input: ItemInput, baseVersion: number, now: number): Promise<void> {
  const found = await findLiveReceived(db, vault, id, now);
  const { live } = found;
  if (live.share.permission !== 'edit' || live.share.state !== 'accepted') throw new VaultError('forbidden', 'You may not edit this shared item.');
  const owner = ownerToReplyTo(found.owner, live.share);
  if (baseVersion !== live.share.version) throw new VaultError('conflict', 'The owner changed this item meanwhile. Reopen it and edit again.');
  const parsed = itemInputSchema.parse(input);
  if (parsed.type !== live.share.item.type) throw new VaultError('invalid-request', 'An item cannot change its type.');
  const item: ItemContent = shareableContent({ ...live.share.item, ...parsed, updatedAt: now } as ItemContent);
  const reply = replyToShare(me, owner.contact, live.share, { kind: 'edit-proposal', item, baseVersion }, now);
  await commitSharing(db, vault, {
    received: [{ ...live, share: reply.share, editSentAt: now }],
    outbox: [{ kind: 'post', envelopes: [{ to: owner.contact.handle, shareId: live.replyRelayId, envelope: reply.envelope }] }],
  }, now);
}
