/**
 * Overview buckets (issue 15, the split 1Password makes between overviews and details): every item's list row
 * is kept a second time in one of `OVERVIEW_BUCKETS` buckets, sealed under the vault key, so unlock decrypts a
 * few dozen buckets instead of every item, and an edit re-seals the one bucket its item falls into. The item's
 * own record stays the truth for everything else (password, notes, history, fields) and is opened on demand.
 *
 * A bucket is bound to the vault, its number and its revision (S2); the revision is in the sealed manifest, so
 * an old bucket put back fails to open (T09) and is reported at unlock like a damaged one.
 *
 * Since issue 15's stored scores a row also carries its login's health (strength score, SHA-1 of the password,
 * rotation dates), so a Health report reads only these rows: no item is opened for it. The field set in the
 * associated data names that column ('rows+health'); a bucket sealed by an older build ('rows') still opens,
 * with every health unknown, and is sealed in the new format at its next write.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { VaultKey } from '../../crypto/keys';
import type { Sealed } from '../../crypto/sealed';
import type { ItemContent } from '../model/item-schema';
import { DecryptError } from '../../crypto/sealed';
import type { LoginHealth, OkSummary, OverviewRow } from '../model/overview-row';
import { summarizeItem } from '../model/summarize-item';
import { loginHealth } from './login-health';
import { column, isBoolean, isNumber, isRev, isString, isTime } from './column-schema';
import { openJson, sealJson } from './sealed-json';

/** How many buckets the rows are spread over: about 310 rows (≈50 KB sealed) each at 10,000 items. */
export const OVERVIEW_BUCKETS = 32;

/**
 * The bucket an item's row lives in: FNV-1a (32-bit) of the id's UTF-16 units, modulo `OVERVIEW_BUCKETS`.
 * The id is stored in clear anyway, so its bucket tells nothing new.
 * @returns 0..OVERVIEW_BUCKETS-1
 */
export function overviewBucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % OVERVIEW_BUCKETS;
}

/** The overview of `content` stored at revision `rev`, with its health unscored (lib/vault/records/login-health). */
export function overviewRow(id: string, rev: number, content: ItemContent, deleted: boolean): OverviewRow {
  return { rev, deleted, summary: summarizeItem(id, content) as OkSummary, health: loginHealth(content) };
}

const isType = (value: unknown): value is 'login' | 'note' => value === 'login' || value === 'note';
const isTags = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const SHA1_HEX = /^[0-9A-F]{40}$/;
const SCORES: readonly unknown[] = [null, 0, 1, 2, 3, 4];

/**
 * A row's health: null (nothing to check), '?' (unknown: sealed by an older build and not yet filled in), or
 * [score or null, SHA-1, password set at, own rotation days, snoozed until].
 */
type HealthCell = null | '?' | [0 | 1 | 2 | 3 | 4 | null, string, number, number, number];
const isHealthCell = (value: unknown): value is HealthCell =>
  value === null ||
  value === '?' ||
  (Array.isArray(value) &&
    value.length === 5 &&
    SCORES.includes(value[0]) &&
    typeof value[1] === 'string' &&
    SHA1_HEX.test(value[1]) &&
    isTime(value[2]) &&
    isTime(value[3]) &&
    isTime(value[4]));
const text = column(isString);
/** Rows column by column: a third smaller than an array of objects, and parsed and checked about 4× faster. */
const bucketSchema = z
  .object({
    ids: text,
    revs: column(isRev),
    deleted: column(isBoolean),
    types: column(isType),
    titles: text,
    usernames: text,
    urls: text,
    folders: text,
    tags: column(isTags),
    favourites: column(isBoolean),
    updatedAts: column(isNumber),
    /** Absent in a bucket sealed by a build before health rows ('rows'), required in the current format. */
    healths: column(isHealthCell).optional(),
  })
  .strict()
  .refine((bucket) => Object.values(bucket).every((column) => column.length === bucket.ids.length), 'columns differ in length');

/** The field set of the current format; 'rows' was the format before health rows (still opened, never sealed). */
const FIELDS = 'rows+health';
const LEGACY_FIELDS = 'rows';
const context = (vaultId: string, bucket: number, rev: number, fields = FIELDS): CipherContext => ({ purpose: 'overview', recordId: `${vaultId}/${bucket}#${rev}`, fields });

function healthCell(health: LoginHealth | null | undefined): HealthCell {
  if (health === undefined) return '?';
  if (health === null) return null;
  return [health.score, health.sha1, health.passwordSetAt, health.rotationDays, health.snoozedUntil];
}

function healthOfCell(cell: HealthCell | undefined): LoginHealth | null | undefined {
  if (cell === undefined || cell === '?') return undefined;
  if (cell === null) return null;
  const [score, sha1, passwordSetAt, rotationDays, snoozedUntil] = cell;
  return { score, sha1, passwordSetAt, rotationDays, snoozedUntil };
}

/**
 * Seals the rows of bucket `bucket` at revision `rev`; 16 bytes of tag plus about 150 bytes of JSON per row.
 * @param rows - item id → row; every id must belong to `bucket`
 */
export function sealOverviewBucket(vaultKey: VaultKey, vaultId: string, bucket: number, rev: number, rows: ReadonlyMap<string, OverviewRow>): Sealed {
  const columns = { ids: [] as string[], revs: [] as number[], deleted: [] as boolean[], types: [] as string[], titles: [] as string[], usernames: [] as string[], urls: [] as string[], folders: [] as string[], tags: [] as string[][], favourites: [] as boolean[], updatedAts: [] as number[], healths: [] as HealthCell[] };
  for (const [id, { rev: itemRev, deleted, summary, health }] of rows) {
    columns.ids.push(id);
    columns.revs.push(itemRev);
    columns.deleted.push(deleted);
    columns.types.push(summary.type);
    columns.titles.push(summary.title);
    columns.usernames.push(summary.username);
    columns.urls.push(summary.url);
    columns.folders.push(summary.folder);
    columns.tags.push(summary.tags);
    columns.favourites.push(summary.favourite);
    columns.updatedAts.push(summary.updatedAt);
    columns.healths.push(healthCell(health));
  }
  return sealJson(vaultKey, columns, context(vaultId, bucket, rev));
}

/**
 * Opens bucket `bucket` at the revision the manifest names.
 * @returns item id → row
 * @throws DecryptError, SyntaxError or ZodError when it was tampered with, rolled back or moved; Error when
 *   it holds a row of another bucket
 */
export function openOverviewBucket(vaultKey: VaultKey, vaultId: string, bucket: number, rev: number, sealed: unknown): Map<string, OverviewRow> {
  const columns = openBucketColumns(vaultKey, vaultId, bucket, rev, sealed);
  const rows = new Map<string, OverviewRow>();
  columns.ids.forEach((id, i) => {
    if (overviewBucketOf(id) !== bucket) throw new Error('overview row in the wrong bucket');
    rows.set(id, {
      rev: columns.revs[i]!,
      deleted: columns.deleted[i]!,
      summary: {
        state: 'ok', id, type: columns.types[i]!, title: columns.titles[i]!, username: columns.usernames[i]!, url: columns.urls[i]!,
        folder: columns.folders[i]!, tags: columns.tags[i]!, favourite: columns.favourites[i]!, updatedAt: columns.updatedAts[i]!,
      },
      health: healthOfCell(columns.healths?.[i]),
    });
  });
  return rows;
}

/**
 * The current format, else an older build's ('rows', which must not carry the health column): the associated
 * data names the field set, so neither can pass for the other (S2).
 */
function openBucketColumns(vaultKey: VaultKey, vaultId: string, bucket: number, rev: number, sealed: unknown): z.infer<typeof bucketSchema> {
  try {
    const columns = openJson(vaultKey, sealed, context(vaultId, bucket, rev), bucketSchema);
    if (!columns.healths) throw new Error('overview bucket without its health column');
    return columns;
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
  }
  const columns = openJson(vaultKey, sealed, context(vaultId, bucket, rev, LEGACY_FIELDS), bucketSchema);
  if (columns.healths) throw new Error('older overview bucket with a health column');
  return columns;
}
