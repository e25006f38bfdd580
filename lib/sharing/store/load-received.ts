/** Every received share (live copies and tombstones), by share id; a record that fails to open is skipped and reported (S8). */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openReceived, type StoredReceived } from './stored-received';

/** @returns received shares by share id, and the ids of damaged records */
export async function loadReceived(db: VaultDb, vault: UnlockedVault): Promise<{ received: Map<string, StoredReceived>; damaged: string[] }> {
  const received = new Map<string, StoredReceived>();
  const damaged: string[] = [];
  for (const record of await db.received.toArray()) {
    try {
      received.set(record.id, openReceived(vault, record));
    } catch {
      damaged.push(record.id);
    }
  }
  return { received, damaged };
}
