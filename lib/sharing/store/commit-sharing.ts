/**
 * Writes sharing records, outbox operations and audit events in ONE Dexie transaction (DESIGN §5), queued
 * behind the vault's other writes: a share is stored with the envelopes that announce it, or not at all (S8).
 */
import type { ContactRecord, IdentityRecord, ReceivedRecord, ShareRecord, VaultDb } from '../../db/vault-db';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { appendAudit } from '../../vault/records/commit-changes';
import { serializeWrites } from '../../vault/records/serialize-writes';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { sealOutboxOp, type OutboxOp } from './outbox-op';

/** What one sharing commit changes; every part is optional. */
export interface SharingChanges {
  identity?: IdentityRecord;
  contacts?: ContactRecord[];
  shares?: ShareRecord[];
  received?: ReceivedRecord[];
  /** Share ids of received copies deleted for good. */
  removeReceived?: string[];
  /** Appended to the outbox after the last operation, in this order. */
  outbox?: OutboxOp[];
  /** Sequence numbers of outbox operations that went out (or were given up). */
  removeOutbox?: number[];
  /** Stamped with `now`, unless an event carries its own `at` (a receipt, at the time it reports). */
  audit?: (Omit<AuditPayload, 'at'> & { at?: number })[];
}

/**
 * Applies `changes` atomically.
 * @param now - audit event time, ms since epoch
 */
export function commitSharing(db: VaultDb, vault: UnlockedVault, changes: SharingChanges, now: number): Promise<void> {
  return serializeWrites(vault, () =>
    db.transaction('rw', [db.header, db.audit, db.identity, db.contacts, db.shares, db.received, db.outbox], async () => {
      if (changes.identity) await db.identity.put(changes.identity);
      if (changes.contacts?.length) await db.contacts.bulkPut(changes.contacts);
      if (changes.shares?.length) await db.shares.bulkPut(changes.shares);
      if (changes.removeReceived?.length) await db.received.bulkDelete(changes.removeReceived);
      if (changes.received?.length) await db.received.bulkPut(changes.received);
      if (changes.removeOutbox?.length) await db.outbox.bulkDelete(changes.removeOutbox);
      if (changes.outbox?.length) {
        let seq = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
        await db.outbox.bulkAdd(changes.outbox.map((op) => sealOutboxOp(vault, ++seq, op)));
      }
      if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
    }),
  );
}
