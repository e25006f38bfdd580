/**
 * Writes item records, the overview buckets they fall into, the re-sealed manifest and audit events in ONE
 * Dexie transaction (DESIGN §5): either all of it lands or none does (S8).
 */
import type { ItemRecord, OverviewRecord, VaultDb } from '../../db/vault-db';
import { GENESIS_HASH, sealAuditHead, sealAuditRecord, type AuditPayload } from './audit-chain';
import { sealManifest } from './manifest';
import type { LoginHealth, OverviewRow } from '../model/overview-row';
import { overviewBucketOf, sealOverviewBucket } from './overview-bucket';
import { serializeWrites } from './serialize-writes';
import { VaultError } from '../model/vault-error';
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
  /**
   * Health worked out after its row was sealed (the background's strength scores; rows of an older build): each
   * replaces the health of the row still at revision `rev`; one whose item moved on meanwhile is skipped.
   */
  health?: { id: string; rev: number; health: LoginHealth | null }[];
  /** Overview buckets to re-seal from the rows in memory although no item in them changed (their first sealing). */
  reseal?: number[];
  /** Events stamped with the commit's time, unless one carries its own `at` (a failed unlock, recorded later). */
  audit?: (Omit<AuditPayload, 'at'> & { at?: number })[];
}

/**
 * Applies `changes` atomically and, once committed, updates the vault's manifest, overview rows and list
 * rows in memory. Each overview bucket a put or remove touches is re-sealed once, at its next revision.
 * @param now - event time in ms since epoch (injected for tests)
 * @throws Error when a put record has no matching overview row (a caller's mistake; nothing is written);
 *   VaultError `locked` when the vault was closed before the write's turn came
 */
export function commitChanges(db: VaultDb, vault: UnlockedVault, changes: Changes, now = Date.now()): Promise<void> {
  return serializeWrites(vault, async () => {
    // A write queued behind a lock would seal under wiped (zeroed) keys and replace the manifest: refuse it (S4, S8).
    refuseIfClosed(vault);
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
    for (const [id, row] of rows) bucketRows(id).set(id, withKnownScore(row, vault.overviewRows.get(overviewBucketOf(id))?.get(id)));
    for (const id of removes) bucketRows(id).delete(id);
    for (const { id, rev, health } of changes.health ?? []) {
      const current = touched.get(overviewBucketOf(id))?.get(id) ?? vault.overviewRows.get(overviewBucketOf(id))?.get(id);
      if (current?.rev === rev) bucketRows(id).set(id, { ...current, health });
    }
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
        // The lock may have come while the transaction waited: throwing here rolls every write of it back.
        refuseIfClosed(vault);
        const updated = await db.header.update('vault', { manifest: sealManifest(vault.vaultKey, vault.vaultId, manifest, overviews) });
        if (updated !== 1) throw new Error('vault header missing');
      }
      if (changes.audit?.length) await appendAudit(db, vault, changes.audit, now);
    });
    // Committed; a lock that came meanwhile emptied memory, which must stay empty (S4).
    if (vault.closed) return;
    vault.manifest = manifest;
    vault.overviews = overviews;
    for (const [bucket, bucketContent] of touched) vault.overviewRows.set(bucket, bucketContent);
    for (const [id, row] of rows) {
      if (row.deleted) vault.summaries.delete(id);
      else vault.summaries.set(id, row.summary);
    }
    for (const id of removes) vault.summaries.delete(id);
    vault.onCommitted?.();
  });
}

/** @throws VaultError `locked` once `closeVault` ran: its keys are zeroes, and anything sealed with them is lost. */
function refuseIfClosed(vault: Pick<UnlockedVault, 'closed'>): void {
  if (vault.closed) throw new VaultError('locked', 'The vault is locked. Unlock it to continue.');
}

/** A row whose password is unchanged keeps the score its previous revision had: scoring is slow (zxcvbn-ts). */
function withKnownScore(row: OverviewRow, previous: OverviewRow | undefined): OverviewRow {
  const known = previous?.health;
  if (!row.health || row.health.score !== null || !known || known.score === null || known.sha1 !== row.health.sha1) return row;
  return { ...row, health: { ...row.health, score: known.score } };
}

/**
 * Appends events after the last stored one and moves the sealed audit head in the header; must run
 * inside a transaction that includes `db.audit` and `db.header`.
 */
export async function appendAudit(
  db: VaultDb,
  vault: Pick<UnlockedVault, 'vaultKey' | 'auditKey' | 'vaultId' | 'closed'>,
  events: (Omit<AuditPayload, 'at'> & { at?: number })[],
  now: number,
): Promise<void> {
  const last = await db.audit.orderBy('seq').last();
  refuseIfClosed(vault);
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
