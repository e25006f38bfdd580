/**
 * Sharing's part of the integrity check at unlock (T09, S8), beside the items': binds the vault's older
 * sharing records into the manifest if they are not yet (bind-legacy-records.ts), ends what expired while
 * the vault was locked (sealing the tombstones the alarm left, once their expiry is checked: T04), and
 * compares every contact, grant, received copy, request and waiting relay operation with the manifest.
 * What it finds is also refused wherever the record is used (bound-records.ts); this lists it once.
 */
import type { VaultDb } from '../../db/vault-db';
import type { IntegrityReport } from '../../vault/model/integrity-report';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { recordKey } from '../../vault/records/manifest';
import { listedIds, type BoundTable } from '../store/bound-records';
import { commitSharing } from '../store/commit-sharing';
import { loadContacts, loadGrants, loadReceived, loadRequests } from '../store/sharing-records';
import { withSharingLock } from '../store/sharing-lock';
import { expireShares } from './expire-shares';

type RecordsReport = NonNullable<IntegrityReport['records']>;

/**
 * @param now - ms since epoch
 * @returns the problems by opaque `<table>/<id>` key: listed but gone, stored but not listed, at another
 *   revision than listed, and stored at the listed revision but not opening (or a tombstone the alarm
 *   left before the expiry it names)
 */
export async function checkSharingAtUnlock(db: VaultDb, vault: UnlockedVault, now: number): Promise<RecordsReport> {
  return withSharingLock(vault, async () => {
    await commitSharing(db, vault, {}, now);
    const { endedEarly } = await expireShares(db, vault, now);
    const report: RecordsReport = { missing: [], unexpected: [], rolledBack: [], quarantined: endedEarly.map((id) => recordKey('received', id)) };
    const compare = (table: BoundTable, rows: readonly { id: string; rev?: number }[]) => {
      const stored = new Set(rows.map((row) => row.id));
      for (const id of listedIds(vault, table)) if (!stored.has(id)) report.missing.push(recordKey(table, id));
      for (const { id, rev } of rows) {
        const listed = vault.manifest.get(recordKey(table, id));
        if (listed === undefined) report.unexpected.push(recordKey(table, id));
        else if (listed !== rev) report.rolledBack.push(recordKey(table, id));
      }
    };
    compare('contacts', await db.contacts.toArray());
    compare('shares', await db.shares.toArray());
    compare('received', await db.received.toArray());
    compare('requests', await db.requests.toArray());
    compare('outbox', (await db.outbox.toArray()).map((row) => ({ id: String(row.seq), rev: 1 })));
    const listedDamage = [
      ...(await loadContacts(db, vault)).damaged.map((id) => recordKey('contacts', id)),
      ...(await loadGrants(db, vault)).damaged.map((id) => recordKey('shares', id)),
      ...(await loadReceived(db, vault)).damaged.map((id) => recordKey('received', id)),
      ...(await loadRequests(db, vault)).damaged.map((id) => recordKey('requests', id)),
    ];
    const known = new Set([...report.missing, ...report.unexpected, ...report.rolledBack, ...report.quarantined]);
    report.quarantined.push(...listedDamage.filter((key) => !known.has(key)));
    return report;
  });
}
