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
import { openOutboxOp } from '../store/outbox-op';
import { openContact } from '../store/stored-contact';
import { openGrant } from '../store/stored-grant';
import { openReceived } from '../store/stored-received';
import { openRequest } from '../store/stored-request';
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
    // One read and at most one opening per record: compare the revision, then open what is listed as it is.
    const check = <R extends { id: string; rev?: number }>(table: BoundTable, rows: readonly R[], open: (row: R) => unknown) => {
      const stored = new Set(rows.map((row) => row.id));
      for (const id of listedIds(vault, table)) if (!stored.has(id)) report.missing.push(recordKey(table, id));
      for (const row of rows) {
        const key = recordKey(table, row.id);
        const listed = vault.manifest.get(key);
        if (listed === undefined) report.unexpected.push(key);
        else if (listed !== row.rev) report.rolledBack.push(key);
        else if (!report.quarantined.includes(key) && !opens(() => open(row))) report.quarantined.push(key);
      }
    };
    check('contacts', await db.contacts.toArray(), (row) => openContact(vault, row));
    check('shares', await db.shares.toArray(), (row) => openGrant(vault, row));
    check('received', await db.received.toArray(), (row) => openReceived(vault, row));
    check('requests', await db.requests.toArray(), (row) => openRequest(vault, row));
    check('outbox', (await db.outbox.toArray()).map((row) => ({ ...row, id: String(row.seq), rev: 1 })), (row) => openOutboxOp(vault, row));
    return report;
  });
}

function opens(open: () => unknown): boolean {
  try {
    open();
    return true;
  } catch {
    return false;
  }
}
