/** Every pinned contact of the vault; a record that fails to open is skipped and reported (S8). */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openContact, type StoredContact } from './stored-contact';

/** @returns the contacts sorted by handle, and the ids of damaged records */
export async function loadContacts(db: VaultDb, vault: UnlockedVault): Promise<{ contacts: StoredContact[]; damaged: string[] }> {
  const contacts: StoredContact[] = [];
  const damaged: string[] = [];
  for (const record of await db.contacts.toArray()) {
    try {
      contacts.push(openContact(vault, record));
    } catch {
      damaged.push(record.id);
    }
  }
  contacts.sort((a, b) => a.contact.handle.localeCompare(b.contact.handle));
  return { contacts, damaged };
}
