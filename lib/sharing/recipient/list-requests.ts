/**
 * The Requests section of the Inbox: offers from handles that are not among the contacts, waiting
 * unopened (T02). Each shows only the handle it claims to come from (nothing of its content is known
 * before the sender is verified) and how far that handle is trusted now, so the UI can say what to do.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { loadContacts, loadRequests } from '../store/sharing-records';

/** @returns the requests oldest first, and how many request records did not open */
export async function listRequests(db: VaultDb, vault: UnlockedVault) {
  const { records, damaged } = await loadRequests(db, vault);
  const contacts = records.length === 0 ? [] : (await loadContacts(db, vault)).records;
  const requests = records.map((request) => ({
    id: request.id,
    from: request.from,
    fromState: contacts.find((c) => c.contact.handle === request.from)?.contact.state ?? ('unknown' as const),
    receivedAt: request.receivedAt,
  }));
  return { requests, damaged: damaged.length };
}
