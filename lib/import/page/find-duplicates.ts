/**
 * Duplicates in an import: a login with the same origin and username as a login already in the vault, or
 * as an earlier row of the same file. Notes and logins without a web address are never duplicates.
 */
import type { ItemSummary } from '../../vault/model/item-schema';
import type { ImportRow } from '../import-types';

/** One row that duplicates something, and what: an existing item, or an earlier row (by index into the rows). */
export interface Duplicate {
  /** Index of the duplicate into the rows. */
  index: number;
  row: number;
  match: { kind: 'item'; id: string; title: string } | { kind: 'row'; index: number; row: number };
}

/** "origin username": usernames compare without case and surrounding spaces, as sites treat them. */
function keyOf(url: string, username: string): string | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return origin === 'null' ? null : `${origin} ${username.trim().normalize('NFC').toLowerCase()}`;
}

/**
 * @param rows - the importable rows, in file order
 * @param existing - the vault's list rows (the page has them from `itemList`); their first URL counts
 * @returns one entry per duplicate row, in row order; an existing item wins over an earlier row
 * @example findDuplicates(rows, summaries).filter((d) => d.match.kind === 'item').length // rows already in the vault
 */
export function findDuplicates(rows: readonly ImportRow[], existing: readonly ItemSummary[]): Duplicate[] {
  const items = new Map<string, { id: string; title: string }>();
  for (const summary of existing) {
    if (summary.state !== 'ok' || summary.type !== 'login') continue;
    const key = keyOf(summary.url, summary.username);
    if (key !== null && !items.has(key)) items.set(key, { id: summary.id, title: summary.title });
  }
  const firstRows = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  rows.forEach(({ row, content }, index) => {
    if (content.type !== 'login') return;
    const keys = content.urls.map((url) => keyOf(url, content.username)).filter((key) => key !== null);
    const item = keys.map((key) => items.get(key)).find((match) => match !== undefined);
    const earlier = keys.map((key) => firstRows.get(key)).find((match) => match !== undefined);
    if (item) duplicates.push({ index, row, match: { kind: 'item', ...item } });
    else if (earlier !== undefined) duplicates.push({ index, row, match: { kind: 'row', index: earlier, row: rows[earlier]!.row } });
    for (const key of keys) if (!firstRows.has(key)) firstRows.set(key, index);
  });
  return duplicates;
}
