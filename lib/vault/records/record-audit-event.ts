/** Records a user action that changes no item (reveal, copy, lock, export) in the audit log. */
import type { VaultDb } from '../../db/vault-db';
import type { AuditPayload } from './audit-chain';
import { commitChanges } from './commit-changes';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** Appends one event in its own transaction. */
export async function recordAuditEvent(db: VaultDb, vault: UnlockedVault, event: Omit<AuditPayload, 'at'>, now = Date.now()): Promise<void> {
  await commitChanges(db, vault, { audit: [event] }, now);
}
