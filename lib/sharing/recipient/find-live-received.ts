/** The live received copy behind a received item id, with its owner's pinned contact. */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import type { Contact } from '../contacts/contact';
import { receivedShareIsLive, type ReceivedShare } from '../grants/grant';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { requireRecord, type RecordLookup } from '../store/load-sealed-records';
import { shareIdOfReceivedItem } from '../store/received-item-id';
import { getContact, getReceived } from '../store/sharing-records';
import type { StoredContact } from '../store/stored-contact';
import type { LiveReceived } from '../store/stored-received';

/**
 * Reads the one received record and the one contact record it names.
 * @param id - a received item id (received-item-id.ts)
 * @param now - ms since epoch: a copy past its expiry counts as gone even before the alarm deleted it
 * @returns the live copy, and its owner's contact as found, absent or damaged (a view shows both of the
 *   latter as "not in your contacts"; a reply needs the contact: ownerToReplyTo)
 * @throws VaultError `not-found` for an unknown, ended or expired share; `corrupted` when it does not open
 */
export async function findLiveReceived(db: VaultDb, vault: UnlockedVault, id: string, now: number): Promise<{ live: LiveReceived; owner: RecordLookup<StoredContact> }> {
  const shareId = shareIdOfReceivedItem(id);
  const stored = requireRecord(shareId === null ? { state: 'absent' } : await getReceived(db, vault, shareId), {
    absent: 'This shared item is no longer available.',
    damaged: 'This shared item is damaged and cannot be decrypted. Your other items are safe.',
  });
  if (stored.status !== 'live' || !receivedShareIsLive(stored.share, now)) throw new VaultError('not-found', 'This shared item is no longer available.');
  return { live: stored, owner: await getContact(db, vault, stored.contactId) };
}

/**
 * True when `contact` holds the keys `share` came from: a copy received from keys the contact no longer
 * has (re-pinned since, T01) is not theirs to answer, and is shown as from someone not in the contacts.
 */
export function isFromContact(share: ReceivedShare, contact: Contact): boolean {
  return share.owner.handle === contact.handle && share.owner.fingerprint === contact.fingerprint;
}

/**
 * The owner's pinned contact, for an answer or an edit that must be sealed to their keys.
 * @throws VaultError `forbidden` when the contact is gone or holds other keys than the share came from;
 *   `corrupted` when its record is damaged (S8: said as such, not as a missing contact)
 */
export function ownerToReplyTo(owner: RecordLookup<StoredContact>, share: ReceivedShare): StoredContact {
  if (owner.state === 'found') {
    if (isFromContact(share, owner.record.contact)) return owner.record;
    throw new VaultError('forbidden', `The keys now pinned for ${share.owner.handle} are not the ones this share came from, so nothing can be sent back. Ask them to share it again.`);
  }
  if (owner.state === 'damaged') {
    throw new VaultError('corrupted', 'The contact record of the person who shared this is damaged, so nothing can be sent to them. Your other contacts and shares are fine.');
  }
  throw new VaultError('forbidden', 'The person who shared this is no longer among your contacts.');
}
