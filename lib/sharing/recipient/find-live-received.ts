/** The live received copy behind a received item id, with its owner's pinned contact. */
import type { VaultDb } from '../../db/vault-db';
import { VaultError } from '../../vault/model/vault-error';
import { receivedShareIsLive } from '../grants/grant';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { loadContacts } from '../store/load-contacts';
import { shareIdOfReceivedItem } from '../store/received-item-id';
import type { StoredContact } from '../store/stored-contact';
import { openReceived, type LiveReceived } from '../store/stored-received';

/**
 * @param id - a received item id (received-item-id.ts)
 * @param now - ms since epoch: a copy past its expiry counts as gone even before the alarm deleted it
 * @throws VaultError `not-found` for an unknown, ended or expired share; `corrupted` when it does not open
 */
export async function findLiveReceived(db: VaultDb, vault: UnlockedVault, id: string, now: number): Promise<{ live: LiveReceived; owner: StoredContact | null }> {
  const shareId = shareIdOfReceivedItem(id);
  const record = shareId === null ? undefined : await db.received.get(shareId);
  if (!record) throw new VaultError('not-found', 'This shared item is no longer available.');
  let stored;
  try {
    stored = openReceived(vault, record);
  } catch {
    throw new VaultError('corrupted', 'This shared item is damaged and cannot be decrypted. Your other items are safe.');
  }
  if (stored.status !== 'live' || !receivedShareIsLive(stored.share, now)) throw new VaultError('not-found', 'This shared item is no longer available.');
  const owner = (await loadContacts(db, vault)).contacts.find((c) => c.id === stored.contactId) ?? null;
  return { live: stored, owner };
}
