/**
 * Binds a vault's sharing records into its manifest once (T09): rows written before records had revisions
 * are opened as they were sealed, sealed again at revision 1 under the context that binds it, and listed;
 * waiting relay operations are listed by sequence number. A row that does not open stays as it is and is
 * reported from then on (it is not listed). Runs inside commitSharing's transaction, so the rows and the
 * manifest that lists them land together.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { recordKey } from '../../vault/records/manifest';
import { BOUND_MARK } from './bound-records';
import { openOutboxOp } from './outbox-op';
import { openContact, sealContact } from './stored-contact';
import { openGrant, sealGrant } from './stored-grant';
import { openReceived, sealReceived, type StoredReceived } from './stored-received';

/**
 * @param manifest - the working copy of the manifest, changed in place (entries and the bound mark)
 * @returns whether `manifest` changed
 */
export async function bindLegacyRecords(db: VaultDb, vault: UnlockedVault, manifest: Map<string, number>): Promise<boolean> {
  if (manifest.has(BOUND_MARK)) return false;
  // Openers check rows against `manifest` as it is now: unbound, so rows without a revision open.
  const view = { ...vault, manifest };
  const legacy = <R extends { rev?: number }>(rows: R[]) => rows.filter((row) => row.rev === undefined);
  const attempt = <T>(open: () => T): T | null => {
    try {
      return open();
    } catch {
      return null;
    }
  };
  for (const row of legacy(await db.contacts.toArray())) {
    const stored = attempt(() => openContact(view, row));
    if (!stored) continue;
    await db.contacts.put(sealContact(vault, row.id, stored.contact, 1));
    manifest.set(recordKey('contacts', row.id), 1);
  }
  for (const row of legacy(await db.shares.toArray())) {
    const stored = attempt(() => openGrant(view, row));
    if (!stored) continue;
    await db.shares.put(sealGrant(vault, stored, 1));
    manifest.set(recordKey('shares', row.id), 1);
  }
  for (const row of legacy(await db.received.toArray())) {
    const stored: StoredReceived | null = attempt(() => openReceived(view, row));
    if (!stored) continue;
    await db.received.put(sealReceived(vault, stored, 1));
    manifest.set(recordKey('received', row.id), 1);
  }
  for (const row of await db.outbox.toArray()) {
    if (attempt(() => openOutboxOp(view, row))) manifest.set(recordKey('outbox', row.seq), 1);
  }
  manifest.set(BOUND_MARK, 1);
  return true;
}
