/** The recipient answers the owner of a share: a receipt, a decline or an edit proposal, at its own next sequence number. */
import type { Contact } from '../contacts/contact';
import type { EnvelopeBodyInput } from '../envelope/envelope-schema';
import type { ReceivedShare } from './grant';
import type { Identity } from '../identity/identity';
import { sealEnvelope } from '../envelope/seal-envelope';

/** What a recipient can send back. */
export type ShareReply = Extract<EnvelopeBodyInput, { kind: 'receipt' | 'share-decline' | 'edit-proposal' }>;

/**
 * @param owner - the pinned contact who owns the share
 * @param share - my copy of it
 * @param reply - the body; an edit proposal's `baseVersion` should be `share.version`
 * @param now - ms since epoch
 * @returns my copy with the new sequence number (state `accepted` or `declined` after such a receipt) and the envelope
 * @throws RangeError when `owner` is not the share's owner, or an edit proposal without "edit" permission
 */
export function replyToShare(me: Identity, owner: Contact, share: ReceivedShare, reply: ShareReply, now: number): { share: ReceivedShare; envelope: string } {
  if (share.owner.fingerprint !== owner.fingerprint || share.owner.handle !== owner.handle) throw new RangeError('replyToShare: not the owner');
  if (reply.kind === 'edit-proposal' && share.permission !== 'edit') throw new RangeError('replyToShare: no edit permission');
  const myVersion = share.myVersion + 1;
  const envelope = sealEnvelope(me, owner, { shareId: share.shareId, itemId: share.itemId, version: myVersion, created: now, body: reply });
  const declined = reply.kind === 'share-decline' || (reply.kind === 'receipt' && reply.event === 'declined');
  const accepted = reply.kind === 'receipt' && reply.event === 'accepted';
  return { share: { ...share, myVersion, state: declined ? 'declined' : accepted ? 'accepted' : share.state }, envelope };
}
