/**
 * The recipient answers a share: accept (it joins the vault, marked "shared by", and becomes fillable)
 * or decline (also "remove" for an accepted one). Each answer is a signed receipt sealed back to the
 * owner's pinned key through the outbox. A share from a contact whose key changed cannot be accepted
 * (T01), and one from an unverified contact only after the user confirms. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import { checkShareTarget } from '../contacts/check-share-target';
import type { Identity } from '../identity/identity';
import { replyToShare } from '../grants/reply-to-share';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { commitSharing } from '../store/commit-sharing';
import { findLiveReceived, ownerToReplyTo } from './find-live-received';
import type { StoredReceived } from '../store/stored-received';

/**
 * @param id - the received item id
 * @param answer - `accept` (pending shares only) or `decline`
 * @param confirmedUnverified - the user confirmed accepting from an unverified contact
 * @param now - ms since epoch
 * @throws VaultError `not-found`, `forbidden` (changed key; unverified without confirmation; the copy
 *   cannot be answered because its owner's keys are gone), `conflict` (accepting twice), `corrupted`
 *   (the copy or its owner's contact record is damaged)
 */
export async function answerShare(
  db: VaultDb,
  vault: UnlockedVault,
  me: Identity,
  id: string,
  answer: 'accept' | 'decline',
  confirmedUnverified: boolean,
  now: number,
): Promise<void> {
  const found = await findLiveReceived(db, vault, id, now);
  const { live } = found;
  const owner = ownerToReplyTo(found.owner, live.share);
  const party = owner.contact.handle;
  if (answer === 'accept') {
    if (live.share.state !== 'pending') throw new VaultError('conflict', 'This share was already answered.');
    const check = checkShareTarget(owner.contact);
    if (check === 'blocked') throw new VaultError('forbidden', `The key of ${party} changed. Verify it again before accepting.`);
    if (check === 'confirm' && !confirmedUnverified) throw new VaultError('forbidden', `${party} is not verified. Confirm that you trust this share first.`);
  }
  let reply;
  try {
    reply = replyToShare(me, owner.contact, live.share, answer === 'accept' ? { kind: 'receipt', event: 'accepted', at: now } : { kind: 'share-decline' }, now);
  } catch {
    throw new VaultError('forbidden', `The keys pinned for ${party} are not the ones this share came from.`);
  }
  const record: StoredReceived =
    answer === 'accept'
      ? { ...live, share: reply.share }
      : { status: 'ended', shareId: live.share.shareId, version: live.share.version, endedAt: now, because: 'declined' };
  await commitSharing(db, vault, {
    received: [record],
    outbox: [{ kind: 'post', envelopes: [{ to: party, shareId: live.replyRelayId, envelope: reply.envelope }] }],
    audit: [{ type: answer === 'accept' ? 'share-accepted' : 'share-declined', itemTitle: live.share.item.title, party }],
  }, now);
}
