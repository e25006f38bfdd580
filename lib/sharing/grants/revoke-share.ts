/**
 * The owner ends one recipient's access. The revoke is sealed to the pinned key even when the contact's
 * key has changed since: taking access away is never blocked.
 */
import type { Contact } from '../contacts/contact';
import type { Grant } from './grant';
import { grantIsFor } from './grant-is-for';
import type { Identity } from '../identity/identity';
import { sealEnvelope } from '../envelope/seal-envelope';

/**
 * @param grant - the grant to end, for `contact`
 * @param now - ms since epoch
 * @returns the grant, revoked at the next version, and the share-revoke envelope
 * @throws RangeError when the grant is another contact's or already revoked
 */
export function revokeShare(me: Identity, contact: Contact, grant: Grant, now: number): { grant: Grant; envelope: string } {
  if (!grantIsFor(grant, contact)) throw new RangeError('revokeShare: grant belongs to another contact');
  if (grant.state === 'revoked') throw new RangeError('revokeShare: already revoked');
  const version = grant.version + 1;
  const envelope = sealEnvelope(me, contact, {
    shareId: grant.shareId,
    itemId: grant.itemId,
    version,
    created: now,
    body: { kind: 'share-revoke' },
  });
  return { grant: { ...grant, state: 'revoked', version, endedAt: now }, envelope };
}
