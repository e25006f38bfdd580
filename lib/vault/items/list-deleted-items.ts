/**
 * The Trash: items deleted within the last 30 days (DELETED_RETENTION_MS), which Restore brings back,
 * newest deletion first. Each record is opened as it is stored, so its deleted state is authenticated (a
 * record that does not open is already listed as quarantined at unlock, not here).
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../keys/unlocked-vault';
import type { DeletedItem } from '../model/deleted-item';
import { openItem } from '../records/open-item';
import { DELETED_RETENTION_MS } from './purge-deleted-items';

/**
 * Cost: one unwrap and one decryption per deleted record (the trash is small: it empties itself after 30 days).
 * @returns the deleted items, each with when it goes for good (ms since epoch)
 */
export async function listDeletedItems(db: VaultDb, vault: UnlockedVault): Promise<DeletedItem[]> {
  const records = await db.items.filter((record) => record.deletedAt !== null).toArray();
  const items: DeletedItem[] = [];
  for (const record of records) {
    if (record.deletedAt === null) continue;
    let content;
    try {
      content = openItem(vault, record);
    } catch {
      continue;
    }
    items.push({
      id: record.id,
      type: content.type,
      title: content.title,
      username: content.type === 'login' ? content.username : '',
      deletedAt: record.deletedAt,
      purgeAt: record.deletedAt + DELETED_RETENTION_MS,
    });
  }
  return items.sort((a, b) => b.deletedAt - a.deletedAt || (a.id < b.id ? -1 : 1));
}
