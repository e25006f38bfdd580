/**
 * Writes link, request and answer records together with their audit events in one transaction, in the
 * vault's write order (serializeWrites), so a record never lands without its event or the other way round (S8).
 */
import type { LinkRecord, VaultDb } from '../../db/vault-db';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { appendAudit } from '../../vault/records/commit-changes';
import { serializeWrites } from '../../vault/records/serialize-writes';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

/** What one commit changes: records to put or delete per table, and audit events. */
export interface LinkChanges {
  links?: { put?: LinkRecord[]; remove?: string[] };
  requests?: { put?: LinkRecord[]; remove?: string[] };
  answers?: { put?: LinkRecord[]; remove?: string[] };
  audit?: Omit<AuditPayload, 'at'>[];
}

/** Applies `changes` atomically. */
export function commitLinks(db: VaultDb, vault: UnlockedVault, changes: LinkChanges, now: number): Promise<void> {
  return serializeWrites(vault, () =>
    db.transaction('rw', [db.header, db.audit, db.links, db.secretRequests, db.requestAnswers], async () => {
      for (const [table, change] of [
        [db.links, changes.links],
        [db.secretRequests, changes.requests],
        [db.requestAnswers, changes.answers],
      ] as const) {
        if (change?.put?.length) await table.bulkPut(change.put);
        if (change?.remove?.length) await table.bulkDelete(change.remove);
      }
      if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
    }),
  );
}
