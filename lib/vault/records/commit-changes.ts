/**
 * Writes item records, the re-sealed manifest and audit events in ONE Dexie transaction (DESIGN §5):
 * either all of it lands or none does (S8).
 */
import type { ItemRecord, VaultDb } from '../../db/vault-db';
import { GENESIS_HASH, sealAuditHead, sealAuditRecord, type AuditPayload } from './audit-chain';
import { sealManifest } from './manifest';
import { serializeWrites } from './serialize-writes';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** What one commit changes. */
export interface Changes {
  put?: ItemRecord[];
  /** Ids removed for good (purge). */
  remove?: string[];
  /** Events stamped with the commit's time, unless one carries its own `at` (a failed unlock, recorded later). */
  audit?: (Omit<AuditPayload, 'at'> & { at?: number })[];
}

/**
 * Applies `changes` atomically and, once committed, updates `vault.manifest`.
 * @param now - event time in ms since epoch (injected for tests)
 */
export function commitChanges(db: VaultDb, vault: UnlockedVault, changes: Changes, now = Date.now()): Promise<void> {
  return serializeWrites(vault, async () => {
    const manifest = new Map(vault.manifest);
    for (const record of changes.put ?? []) manifest.set(record.id, record.rev);
    for (const id of changes.remove ?? []) manifest.delete(id);
    await db.transaction('rw', db.header, db.items, db.audit, async () => {
      if (changes.put?.length) await db.items.bulkPut(changes.put);
      if (changes.remove?.length) await db.items.bulkDelete(changes.remove);
      if (changes.put?.length || changes.remove?.length) {
        const updated = await db.header.update('vault', { manifest: sealManifest(vault.vaultKey, vault.vaultId, manifest) });
        if (updated !== 1) throw new Error('vault header missing');
      }
      if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
    });
    vault.manifest = manifest;
  });
}

/**
 * Appends events after the last stored one and moves the sealed audit head in the header; must run
 * inside a transaction that includes `db.audit` and `db.header`.
 */
export async function appendAudit(
  db: VaultDb,
  vault: Pick<UnlockedVault, 'vaultKey' | 'auditKey' | 'vaultId'>,
  events: (Omit<AuditPayload, 'at'> & { at?: number })[],
  now: number,
): Promise<void> {
  const last = await db.audit.orderBy('seq').last();
  let seq = last?.seq ?? 0;
  let previous: Uint8Array = last?.hash ?? GENESIS_HASH;
  const records = events.map((event) => {
    const record = sealAuditRecord(vault, ++seq, previous, { at: now, ...event });
    previous = record.hash;
    return record;
  });
  await db.audit.bulkAdd(records);
  const updated = await db.header.update('vault', { auditHead: sealAuditHead(vault.vaultKey, vault.vaultId, seq, previous) });
  if (updated !== 1) throw new Error('vault header missing');
}
