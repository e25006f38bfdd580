/**
 * Writes item records, the overview buckets they fall into, the re-sealed manifest and audit events in ONE
 * Dexie transaction (DESIGN §5): either all of it lands or none does (S8).
 *
 * Many new records (an import) can be sealed inside that transaction, a chunk at a time (`sealLater`): IndexedDB
 * writes one chunk in the browser process while the service worker seals the next, instead of sealing all of
 * them first and then waiting for the whole write (issue 15: the import's two halves took about as long each).
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
  /** Records sealed inside the transaction, after `put`; each one's overview row must be in `rows` too. */
  sealLater?: SealLater;
}

/** Records sealed while the transaction writes (see the file's comment), `SEAL_CHUNK` at a time. */
export interface SealLater {
  /** How many records: `sealAt` is called for 0..count-1, in order. */
  count: number;
  /** Seals record `index`; it must match its row in `Changes.rows` (id, revision, deleted), else nothing is written. */
  sealAt(index: number): ItemRecord;
  /**
   * Called once a chunk is sealed and handed to IndexedDB, with how many are sealed so far; not awaited (an await
   * of anything but IndexedDB would end the transaction). Throwing aborts the commit: nothing is written.
   */
  onSealed?(done: number): void;
}

/** Records sealed per chunk: about 50 ms of sealing, so messages wait no longer than that between chunks. */
const SEAL_CHUNK = 500;

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
    const later = changes.sealLater;
    const rows = new Map((changes.rows ?? []).map((row) => [row.summary.id, row]));
    if (puts.some((record) => !matchesRow(record, rows)) || rows.size !== puts.length + (later?.count ?? 0)) {
      throw new Error('commitChanges: every written item needs its overview row');
    }

    const manifest = new Map(vault.manifest);
    // Every row is a put's, now or sealed later: the manifest names them all at their rows' revisions.
    for (const [id, row] of rows) manifest.set(id, row.rev);
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
      if (later) await putSealedLater(db, vault, later, rows, new Set(puts.map((record) => record.id)));
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

function matchesRow(record: ItemRecord, rows: ReadonlyMap<string, OverviewRow>): boolean {
  const row = rows.get(record.id);
  return row !== undefined && row.rev === record.rev && row.deleted === (record.deletedAt !== null);
}

/**
 * Seals `later`'s records a chunk at a time inside the running transaction; a chunk's write is handed to IndexedDB
 * before the previous one is awaited, so the database always has the next chunk while this thread seals.
 */
async function putSealedLater(db: VaultDb, vault: UnlockedVault, later: SealLater, rows: ReadonlyMap<string, OverviewRow>, written: Set<string>): Promise<void> {
  let previous: Promise<unknown> | null = null;
  for (let start = 0; start < later.count; start += SEAL_CHUNK) {
    refuseLocking(vault);
    const records: ItemRecord[] = [];
    for (let index = start; index < Math.min(start + SEAL_CHUNK, later.count); index++) {
      const record = later.sealAt(index);
      // Each row once: with `count` matching the rows, this leaves no row without its record.
      if (!matchesRow(record, rows) || written.has(record.id)) throw new Error('commitChanges: a record sealed later does not match its overview row');
      written.add(record.id);
      records.push(record);
    }
    const chunk = db.items.bulkPut(records);
    // Awaited below or, when this loop throws first, rejected by the transaction's abort: not unhandled either way.
    chunk.catch(() => undefined);
    later.onSealed?.(start + records.length);
    if (previous) await previous;
    previous = chunk;
  }
  if (previous) await previous;
  refuseLocking(vault);
}

/**
 * A lock while a chunk was written wiped the keys: nothing more may be sealed with them (S4). A lock asked for but
 * waiting behind this write wins too: the whole write rolls back rather than delaying the lock.
 * @throws VaultError `locked`
 */
function refuseLocking(vault: UnlockedVault): void {
  refuseIfClosed(vault);
  if (vault.lockRequested) throw new VaultError('locked', 'The vault is locking. Nothing was written.');
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
