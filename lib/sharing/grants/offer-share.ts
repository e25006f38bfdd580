/** The owner shares an item with one contact: a new grant and the signed, sealed share-offer for it. */
import { MAX_LIFETIME_MS } from '../../relay-protocol/relay-limits';
import type { ItemContent } from '../../vault/model/item-schema';
import { checkShareTarget } from '../contacts/check-share-target';
import type { Contact } from '../contacts/contact';
import type { Permission } from '../../vault/model/share-permission';
import type { Grant } from './grant';
import type { Identity } from '../identity/identity';
import { newShareId } from '../envelope/new-share-id';
import { sealEnvelope } from '../envelope/seal-envelope';
import { ShareBlockedError } from './share-blocked-error';

/** Longest expiry, in ms: 90 days, the same as the relay's limit on an envelope's lifetime. */
export const MAX_SHARE_LIFETIME_MS = MAX_LIFETIME_MS;

export interface ShareOfferInput {
  me: Identity;
  contact: Contact;
  itemId: string;
  item: ItemContent;
  permission: Permission;
  /** When the recipient's copy must go (ms since epoch), after `now` and at most 90 days on; or null. */
  expiresAt: number | null;
  /** ms since epoch. */
  now: number;
  /** The user confirmed sharing with an unverified contact. */
  confirmedUnverified?: boolean;
}

/**
 * @returns the grant to store (pending, version 1) and the envelope to post to the contact's mailbox
 * @throws ShareBlockedError for a changed contact, or an unverified one without confirmation (T01);
 *   RangeError for an expiry outside (now, now + 90 days]; whatever sealEnvelope throws
 */
export function offerShare(input: ShareOfferInput): { grant: Grant; envelope: string } {
  const { me, contact, itemId, item, permission, expiresAt, now } = input;
  const target = checkShareTarget(contact);
  if (target === 'blocked') throw new ShareBlockedError('contact-changed');
  if (target === 'confirm' && !input.confirmedUnverified) throw new ShareBlockedError('unverified');
  if (expiresAt !== null && (expiresAt <= now || expiresAt > now + MAX_SHARE_LIFETIME_MS)) {
    throw new RangeError('offerShare: expiry must be after now and within 90 days');
  }
  const shareId = newShareId();
  const envelope = sealEnvelope(me, contact, {
    shareId,
    itemId,
    version: 1,
    created: now,
    ...(expiresAt === null ? {} : { expiresAt }),
    body: { kind: 'share-offer', item, permission, expiresAt },
  });
  const grant: Grant = {
    shareId,
    itemId,
    recipient: { handle: contact.handle, fingerprint: contact.fingerprint },
    permission,
    since: now,
    until: expiresAt,
    state: 'pending',
    version: 1,
    recipientVersion: 0,
    deliveredAt: null,
    acceptedAt: null,
    lastOpenedAt: null,
    endedAt: null,
  };
  return { grant, envelope };
}
