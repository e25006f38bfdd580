/** The owner sends a new version of a shared item (an edit, a new permission or expiry) to one recipient. */
import type { ItemContent } from '../../vault/model/item-schema';
import { checkShareTarget } from '../contacts/check-share-target';
import type { Contact } from '../contacts/contact';
import type { Permission } from '../../vault/model/share-permission';
import { grantIsLive, type Grant } from './grant';
import { grantIsFor } from './grant-is-for';
import type { Identity } from '../identity/identity';
import { sealEnvelope } from '../envelope/seal-envelope';
import { ShareBlockedError } from './share-blocked-error';

/**
 * @param grant - a live grant for `contact`
 * @param item - the item's current content
 * @param changes - a new permission or expiry; by default the grant's
 * @param now - ms since epoch
 * @returns the grant at the next version and the share-update envelope
 * @throws ShareBlockedError when the contact's key changed (T01); RangeError when the grant is not live
 *   or is another contact's
 */
export function updateShare(
  me: Identity,
  contact: Contact,
  grant: Grant,
  item: ItemContent,
  now: number,
  changes: { permission?: Permission; until?: number | null } = {},
): { grant: Grant; envelope: string } {
  if (!grantIsFor(grant, contact)) throw new RangeError('updateShare: grant belongs to another contact');
  if (!grantIsLive(grant, now)) throw new RangeError('updateShare: grant is not live');
  if (checkShareTarget(contact) === 'blocked') throw new ShareBlockedError('contact-changed');
  const permission = changes.permission ?? grant.permission;
  const until = changes.until === undefined ? grant.until : changes.until;
  const version = grant.version + 1;
  const envelope = sealEnvelope(me, contact, {
    shareId: grant.shareId,
    itemId: grant.itemId,
    version,
    created: now,
    ...(until === null ? {} : { expiresAt: until }),
    body: { kind: 'share-update', item, permission, expiresAt: until },
  });
  return { grant: { ...grant, permission, until, version }, envelope };
}
