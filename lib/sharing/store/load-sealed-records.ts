/**
 * Reads sealed sharing records (contacts, grants, received copies, requests) out of their Dexie tables: a
 * whole table, or one row by id. A record that does not open is reported, never dropped in silence and
 * never taken for an absent one (S8): the others still open, and the caller tells the user what is
 * missing. A record the vault's manifest lists but the table lacks counts as damaged too (T09: a removed
 * tombstone must not read as "never seen").
 */
import type { Table } from 'dexie';
import { DecryptError } from '../../crypto/sealed';
import { VaultError } from '../../vault/model/vault-error';

/** What a table held: the records that opened, and the ids of those that did not. */
export interface LoadedRecords<T> {
  records: T[];
  /** Row ids (opaque: a random contact id or a share id) of records that failed to open; never shown. */
  damaged: string[];
}

/** One row read by id: opened, not there, or there but not opening (tampered, truncated, another vault's). */
export type RecordLookup<T> = { state: 'found'; record: T } | { state: 'absent' } | { state: 'damaged' };

/**
 * Opens every record of `table`, in primary-key order.
 * @param open - the record's opener; it throws DecryptError for a record that does not open
 * @param listed - the ids the manifest lists for this table, read after the rows (no await in between)
 * @returns the opened records and the ids of the damaged ones (listed ids without a row among them)
 * @throws whatever `open` throws other than DecryptError (a bug, not damage)
 * @example const { records, damaged } = await loadSealedRecords(db.shares, (r) => openGrant(vault, r), () => listedIds(vault, 'shares'));
 */
export async function loadSealedRecords<R extends { id: string }, T>(table: Table<R, string>, open: (record: R) => T, listed: () => readonly string[]): Promise<LoadedRecords<T>> {
  const records: T[] = [];
  const damaged: string[] = [];
  const rows = await table.toArray();
  const present = new Set(rows.map((row) => row.id));
  damaged.push(...listed().filter((id) => !present.has(id)));
  for (const row of rows) {
    try {
      records.push(open(row));
    } catch (error) {
      if (!(error instanceof DecryptError)) throw error;
      damaged.push(row.id);
    }
  }
  return { records, damaged };
}

/**
 * Reads and opens the one record stored under `id` (a primary-key get: no other record is read).
 * @param listed - whether the manifest lists `id`, asked after the read: a listed row that is gone is damaged
 * @throws whatever `open` throws other than DecryptError
 */
export async function getSealedRecord<R extends { id: string }, T>(table: Table<R, string>, id: string, open: (record: R) => T, listed: () => boolean): Promise<RecordLookup<T>> {
  const row = await table.get(id);
  if (row === undefined) return listed() ? { state: 'damaged' } : { state: 'absent' };
  try {
    return { state: 'found', record: open(row) };
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
    return { state: 'damaged' };
  }
}

/**
 * The record of a lookup, for callers that cannot go on without it.
 * @param words - what to tell the user when the record is absent, and when it is damaged (plain words,
 *   no id: say what is affected and that the rest is not)
 * @throws VaultError `not-found` when absent, `corrupted` when damaged
 */
export function requireRecord<T>(lookup: RecordLookup<T>, words: { absent: string; damaged: string }): T {
  if (lookup.state === 'found') return lookup.record;
  throw lookup.state === 'absent' ? new VaultError('not-found', words.absent) : new VaultError('corrupted', words.damaged);
}
