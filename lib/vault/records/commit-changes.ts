/**
 * Writes item records, the overview buckets they fall into, the re-sealed manifest and audit events in ONE
 * Dexie transaction (DESIGN §5): either all of it lands or none does (S8).
 */
import type { ItemRecord, OverviewRecord, VaultDb } from '../../db/vault-db';
import { GENESIS_HASH, sealAuditHead, sealAuditRecord, type AuditPayload } from './audit-chain';
import { sealManifest } from './manifest';
import type { OverviewRow } from '../model/overview-row';
import { overviewBucketOf, sealOverviewBucket } from './overview-bucket';
import { serializeWrites } from './serialize-writes';
import type { UnlockedVault } from '../keys/unlocked-vault';

/** What one commit changes. */
export interface Changes {
  put?: ItemRecord[];
  /**
   * The overview row of every record in `put`, with the same id, revision and deleted state (overview-bucket's
   * `overviewRow`); required with `put`.
   */
  rows?: OverviewRow[];
  /** Ids removed for good (purge, or a damaged item deleted). */
  remove?: string[];
  /** Overview buckets to re-seal from the rows in memory although no item in them changed (their first sealing). */
  reseal?: number[];
  audit?: Omit<AuditPayload, 'at'>[];
}

/**
 * Applies `changes` atomically and, once committed, updates the vault's manifest, overview rows and list
 * rows in memory. Each overview bucket a put or remove touches is re-sealed once, at its next revision.
 * @param now - event time in ms since epoch (injected for tests)
 * @throws Error when a put record has no matching overview row (a caller's mistake; nothing is written)
 */
export function commitChanges(db: VaultDb, vault: UnlockedVault, changes: Changes, now = Date.now()): Promise<void> {
  return serializeWrites(vault, async () => {
    const puts = changes.put ?? [];
    const removes = changes.remove ?? [];
    const rows = new Map((changes.rows ?? []).map((row) => [row.summary.id, row]));
    const mismatch = puts.some((record) => {
      const row = rows.get(record.id);
      return !row || row.rev !== record.rev || row.deleted !== (record.deletedAt !== null);
    });
    if (mismatch || rows.size !== puts.length) throw new Error('commitChanges: every written item needs its overview row');

    const manifest = new Map(vault.manifest);
    for (const record of puts) manifest.set(record.id, record.rev);
    for (const id of removes) manifest.delete(id);
    const overviews = new Map(vault.overviews);
    const touched = new Map<number, Map<string, OverviewRow>>();
    const bucketRows = (id: string) => {
      const bucket = overviewBucketOf(id);
      let found = touched.get(bucket);
      if (!found) touched.set(bucket, (found = new Map(vault.overviewRows.get(bucket))));
      return found;
    };
    for (const [id, row] of rows) bucketRows(id).set(id, row);
    for (const id of removes) bucketRows(id).delete(id);
    for (const bucket of changes.reseal ?? []) if (!touched.has(bucket)) touched.set(bucket, new Map(vault.overviewRows.get(bucket)));
    const buckets: OverviewRecord[] = [...touched].map(([bucket, bucketContent]) => {
      const rev = (overviews.get(bucket) ?? 0) + 1;
      overviews.set(bucket, rev);
      return { id: bucket, sealed: sealOverviewBucket(vault.vaultKey, vault.vaultId, bucket, rev, bucketContent) };
    });

    await db.transaction('rw', db.header, db.items, db.audit, db.overviews, async () => {
      if (puts.length) await db.items.bulkPut(puts);
      if (removes.length) await db.items.bulkDelete(removes);
      if (touched.size > 0 || changes.reseal) {
        await db.overviews.bulkPut(buckets);
        const updated = await db.header.update('vault', { manifest: sealManifest(vault.vaultKey, vault.vaultId, manifest, overviews) });
        if (updated !== 1) throw new Error('vault header missing');
      }
      if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
    });
    vault.manifest = manifest;
    vault.overviews = overviews;
    for (const [bucket, bucketContent] of touched) vault.overviewRows.set(bucket, bucketContent);
    for (const [id, row] of rows) {
      if (row.deleted) vault.summaries.delete(id);
      else vault.summaries.set(id, row.summary);
    }
    for (const id of removes) vault.summaries.delete(id);
  });
}

/**
 * Appends events after the last stored one and moves the sealed audit head in the header; must run
 * inside a transaction that includes `db.audit` and `db.header`.
 */
export async function appendAudit(
  db: VaultDb,
  vault: Pick<UnlockedVault, 'vaultKey' | 'auditKey' | 'vaultId'>,
  events: Omit<AuditPayload, 'at'>[],
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
