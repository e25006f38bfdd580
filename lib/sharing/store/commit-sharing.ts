/**
 * Writes sharing records, outbox operations and audit events in ONE Dexie transaction (DESIGN §5), queued
 * behind the vault's other writes: a share is stored with the envelopes that announce it, or not at all (S8).
 * Every contact, grant, received copy and request is sealed here at its next revision, and the vault's
 * manifest, which lists them (bound-records.ts), is sealed again in the same transaction (T09).
 */
import type { IdentityRecord, VaultDb } from '../../db/vault-db';
import type { AuditPayload } from '../../vault/records/audit-chain';
import { appendAudit } from '../../vault/records/commit-changes';
import { recordKey, sealManifest } from '../../vault/records/manifest';
import { serializeWrites } from '../../vault/records/serialize-writes';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { bindLegacyRecords } from './bind-legacy-records';
import type { BoundTable } from './bound-records';
import { sealOutboxOp, type OutboxOp } from './outbox-op';
import { sealContact, type StoredContact } from './stored-contact';
import { sealGrant, type StoredGrant } from './stored-grant';
import { sealReceived, shareIdOf, type StoredReceived } from './stored-received';
import { sealRequest, type StoredRequest } from './stored-request';

/** What one sharing commit changes; every part is optional. */
export interface SharingChanges {
  identity?: IdentityRecord;
  contacts?: StoredContact[];
  /** Ids of contacts the user removed (remove-contact.ts). */
  removeContacts?: string[];
  grants?: StoredGrant[];
  /** Received copies and tombstones, by share id. */
  received?: StoredReceived[];
  requests?: StoredRequest[];
  /** Ids of requests answered or replaced. */
  removeRequests?: string[];
  /** Appended to the outbox after the last operation, in this order. */
  outbox?: OutboxOp[];
  /** Sequence numbers of outbox operations that went out (or were given up). */
  removeOutbox?: number[];
  /** Stamped with `now`, unless an event carries its own `at` (a receipt, at the time it reports). */
  audit?: (Omit<AuditPayload, 'at'> & { at?: number })[];
}

/**
 * Applies `changes` atomically; binds the vault's older sharing records first if they are not yet
 * (bind-legacy-records.ts). `commitSharing(db, vault, {}, now)` does only that.
 * @param now - audit event time, ms since epoch
 */
export function commitSharing(db: VaultDb, vault: UnlockedVault, changes: SharingChanges, now: number): Promise<void> {
  return serializeWrites(vault, async () => {
    const before = vault.manifest;
    const manifest = new Map(before);
    try {
      await db.transaction('rw', [db.header, db.audit, db.identity, db.contacts, db.shares, db.received, db.requests, db.outbox], async () => {
        let bound = await bindLegacyRecords(db, vault, manifest);
        const nextRev = (table: BoundTable, id: string) => {
          const rev = (manifest.get(recordKey(table, id)) ?? 0) + 1;
          manifest.set(recordKey(table, id), rev);
          bound = true;
          return rev;
        };
        if (changes.identity) await db.identity.put(changes.identity);
        if (changes.contacts?.length) await db.contacts.bulkPut(changes.contacts.map((c) => sealContact(vault, c.id, c.contact, nextRev('contacts', c.id))));
        if (changes.removeContacts?.length) {
          await db.contacts.bulkDelete(changes.removeContacts);
          for (const id of changes.removeContacts) manifest.delete(recordKey('contacts', id));
          bound = true;
        }
        if (changes.grants?.length) await db.shares.bulkPut(changes.grants.map((g) => sealGrant(vault, g, nextRev('shares', g.grant.shareId))));
        if (changes.received?.length) await db.received.bulkPut(changes.received.map((r) => sealReceived(vault, r, nextRev('received', shareIdOf(r)))));
        if (changes.removeRequests?.length) {
          await db.requests.bulkDelete(changes.removeRequests);
          for (const id of changes.removeRequests) manifest.delete(recordKey('requests', id));
          bound = true;
        }
        if (changes.requests?.length) await db.requests.bulkPut(changes.requests.map((r) => sealRequest(vault, r, nextRev('requests', r.id))));
        if (changes.removeOutbox?.length) {
          await db.outbox.bulkDelete(changes.removeOutbox);
          for (const seq of changes.removeOutbox) manifest.delete(recordKey('outbox', seq));
          bound = true;
        }
        if (changes.outbox?.length) {
          let seq = (await db.outbox.orderBy('seq').last())?.seq ?? 0;
          const records = changes.outbox.map((op) => sealOutboxOp(vault, ++seq, op));
          await db.outbox.bulkAdd(records);
          for (const record of records) manifest.set(recordKey('outbox', record.seq), 1);
          bound = true;
        }
        if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
        if (bound) {
          const updated = await db.header.update('vault', { manifest: sealManifest(vault.vaultKey, vault.vaultId, manifest, vault.overviews) });
          if (updated !== 1) throw new Error('vault header missing');
          // Moved here, at the end of the transaction rather than after it, so that a read of these rows
          // (which waits for this transaction) never meets the manifest from before it (bound-records.ts).
          vault.manifest = manifest;
        }
      });
    } catch (error) {
      vault.manifest = before;
      throw error;
    }
  });
}
