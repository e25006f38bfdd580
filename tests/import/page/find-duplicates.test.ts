/** findDuplicates: same origin and username as an existing login or an earlier row; an existing item wins. */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../lib/import/page/find-duplicates';
import type { ImportRow } from '../../../lib/import/import-types';
import type { ItemSummary } from '../../../lib/vault/model/item-schema';
import { importedLogin, importedNote } from '../fixture';

const summary = (id: string, url: string, username: string, overrides: Partial<Extract<ItemSummary, { state: 'ok' }>> = {}): ItemSummary => ({
  state: 'ok', id, type: 'login', title: `Item ${id}`, username, url, folder: '', tags: [], favourite: false, updatedAt: 0, ...overrides,
});
const row = (n: number, urls: string[], username: string): ImportRow => ({ row: n, content: importedLogin({ title: `r${n}`, urls, username }) });

describe('findDuplicates', () => {
  it('matches an existing login by origin (scheme, host, port) and username without case or spaces', () => {
    const existing = [summary('a', 'https://mail.example.com/inbox', 'Ann@Example.com')];
    const rows = [
      row(2, ['https://mail.example.com/login'], ' ann@example.com '),
      row(3, ['http://mail.example.com/login'], 'ann@example.com'),
      row(4, ['https://mail.example.com:8443/'], 'ann@example.com'),
      row(5, ['https://example.com/'], 'ann@example.com'),
      row(6, ['https://mail.example.com/'], 'bob'),
    ];
    expect(findDuplicates(rows, existing)).toEqual([{ index: 0, row: 2, match: { kind: 'item', id: 'a', title: 'Item a' } }]);
  });

  it('finds repeats within the file against the first row with that origin and username', () => {
    const rows = [row(2, ['https://a.example/'], 'u'), row(3, ['https://a.example/x'], 'u'), row(4, ['https://a.example/y'], 'U')];
    expect(findDuplicates(rows, [])).toEqual([
      { index: 1, row: 3, match: { kind: 'row', index: 0, row: 2 } },
      { index: 2, row: 4, match: { kind: 'row', index: 0, row: 2 } },
    ]);
  });

  it('any of a row\'s URLs may match; an existing item wins over an earlier row', () => {
    const existing = [summary('x', 'https://b.example/', 'u')];
    const rows = [row(2, ['https://b.example/'], 'u'), row(3, ['https://c.example/', 'https://b.example/login'], 'u')];
    expect(findDuplicates(rows, existing).map((d) => d.match)).toEqual([
      { kind: 'item', id: 'x', title: 'Item x' },
      { kind: 'item', id: 'x', title: 'Item x' },
    ]);
  });

  it('ignores notes, logins without a web address, quarantined and note summaries', () => {
    const existing: ItemSummary[] = [
      { state: 'quarantined', id: 'q' },
      summary('n', 'https://a.example/', 'u', { type: 'note' }),
      summary('e', '', 'u'),
    ];
    const rows: ImportRow[] = [
      row(2, ['https://a.example/'], 'u'),
      row(3, [], 'u'),
      row(4, [], 'u'),
      { row: 5, content: importedNote({ title: 'n' }) },
    ];
    expect(findDuplicates(rows, existing)).toEqual([]);
  });
});
