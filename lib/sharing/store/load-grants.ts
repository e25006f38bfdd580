/** Every outgoing grant of the vault, by share id; a record that fails to open is skipped and reported (S8). */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openGrant, type StoredGrant } from './stored-grant';

/** @returns grants by share id, and the ids of damaged records */
export async function loadGrants(db: VaultDb, vault: UnlockedVault): Promise<{ grants: Map<string, StoredGrant>; damaged: string[] }> {
  const grants = new Map<string, StoredGrant>();
  const damaged: string[] = [];
  for (const record of await db.shares.toArray()) {
    try {
      grants.set(record.id, openGrant(vault, record));
    } catch {
      damaged.push(record.id);
    }
  }
  return { grants, damaged };
}
