/**
 * Removes a contact (issue 17: "contacts can be removed", as in every other manager). Only a contact nothing
 * open depends on: envelopes are opened with the pinned keys, so while a share runs either way the contact is
 * what lets its updates, receipts and revokes in. Removing it then would leave a copy that its owner's revoke
 * can no longer reach, so the user is told what to end first instead. Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { grantIsLive, receivedShareIsLive } from '../grants/grant';
import { commitSharing } from '../store/commit-sharing';
import { loadGrants, loadReceived } from '../store/sharing-records';
import type { StoredContact } from '../store/stored-contact';

/** "1 item" or "n items". */
const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/**
 * Deletes the contact from the vault and records `contact-removed` (with the handle) in the audit log, in one
 * transaction. Opens every grant and received copy once (a few hundred at most).
 * @param stored - the contact as just read (getContact)
 * @param now - ms since epoch
 * @throws VaultError `conflict` while shares are open with them, naming how many each way and what to do
 */
export async function removeContact(db: VaultDb, vault: UnlockedVault, stored: StoredContact, now: number): Promise<void> {
  const { id, contact } = stored;
  const [grants, received] = await Promise.all([loadGrants(db, vault), loadReceived(db, vault)]);
  const sharedWith = grants.records.filter((record) => record.contactId === id && grantIsLive(record.grant, now)).length;
  const sharedBy = received.records.filter(
    (record) =>
      record.status === 'live' &&
      record.share.state !== 'declined' &&
      receivedShareIsLive(record.share, now) &&
      record.share.owner.handle === contact.handle &&
      record.share.owner.fingerprint === contact.fingerprint,
  ).length;
  if (sharedWith > 0 || sharedBy > 0) {
    const open = [
      sharedWith > 0 ? `you share ${items(sharedWith)} with ${contact.handle} (revoke them in each item’s access panel)` : null,
      sharedBy > 0 ? `${contact.handle} shares ${items(sharedBy)} with you (ask them to revoke your access, or decline a waiting share in the Inbox)` : null,
    ].filter((part) => part !== null);
    throw new VaultError('conflict', `${contact.handle} cannot be removed yet: ${open.join('; ')}. Nothing was removed.`);
  }
  await commitSharing(db, vault, { removeContacts: [id], audit: [{ type: 'contact-removed', party: contact.handle }] }, now);
}
