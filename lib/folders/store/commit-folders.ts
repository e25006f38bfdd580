/**
 * Writes folder records, the relay operations they send (folder-key envelopes, through sharing's sealed
 * outbox) and audit events in ONE Dexie transaction, queued behind the vault's other writes (DESIGN §5, S8):
 * a member added to a folder is stored with the envelope that gives them its key, or not at all. Each folder
 * record is sealed at its next revision and the vault's manifest, which lists it as `folders/<id>` (and the
 * outbox operations as `outbox/<seq>`, as sharing does), is sealed again in the same transaction (T09).
 */
import type { VaultDb } from '../../db/vault-db';
import { bindLegacyRecords } from '../../sharing/store/bind-legacy-records';
import { sealOutboxOp, type OutboxOp } from '../../sharing/store/outbox-op';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { appendAudit } from '../../vault/records/commit-changes';
import { recordKey, sealManifest } from '../../vault/records/manifest';
import { serializeWrites } from '../../vault/records/serialize-writes';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { sealFolder, type StoredFolder } from './stored-folder';

/** The manifest table name of folder records. */
export const FOLDERS_TABLE = 'folders';

/** What one folder commit changes; every part is optional. */
export interface FolderChanges {
  folders?: StoredFolder[];
  /** Ids of folders removed from this vault for good. */
  remove?: string[];
  /** Appended to sharing's outbox after its last operation, in this order. */
  outbox?: OutboxOp[];
  /** Stamped with `now` unless an event carries its own `at`. */
  audit?: (Omit<AuditPayload, 'at'> & { at?: number })[];
}

/**
 * Applies `changes` atomically.
 * @param now - audit event time, ms since epoch
 * @throws VaultError `locked` when the vault was closed before the write's turn came (nothing is written)
 */
export function commitFolders(db: VaultDb, vault: UnlockedVault, changes: FolderChanges, now: number): Promise<void> {
  return serializeWrites(vault, async () => {
    if (vault.closed) throw new VaultError('locked', 'The vault is locked. Unlock it to continue.');
    const before = vault.manifest;
    const manifest = new Map(before);
    try {
      await db.transaction('rw', [db.header, db.audit, db.folders, db.outbox, db.contacts, db.shares, db.received, db.requests], async () => {
        // Outbox operations are listed once sharing's records are bound; bind them first if they are not yet.
        await bindLegacyRecords(db, vault, manifest);
        const records = (changes.folders ?? []).map((folder) => {
          const key = recordKey(FOLDERS_TABLE, folder.folderId);
          const rev = (manifest.get(key) ?? 0) + 1;
          manifest.set(key, rev);
          return sealFolder(vault, folder, rev);
        });
        if (records.length) await db.folders.bulkPut(records);
        if (changes.remove?.length) {
          await db.folders.bulkDelete(changes.remove);
          for (const id of changes.remove) manifest.delete(recordKey(FOLDERS_TABLE, id));
        }
        if (changes.outbox?.length) {
          let seq = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
          const ops = changes.outbox.map((op) => sealOutboxOp(vault, ++seq, op));
          await db.outbox.bulkAdd(ops);
          for (const op of ops) manifest.set(recordKey('outbox', op.seq), 1);
        }
        if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
        const updated = await db.header.update('vault', { manifest: sealManifest(vault.vaultKey, vault.vaultId, manifest, vault.overviews) });
        if (updated !== 1) throw new Error('vault header missing');
        // Moved at the end of the transaction, as commitSharing does: a read waiting for it sees the new manifest.
        vault.manifest = manifest;
      });
    } catch (error) {
      vault.manifest = before;
      throw error;
    }
  });
}
