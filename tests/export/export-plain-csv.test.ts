/** exportPlainCsv: Bitwarden's CSV columns, RFC 4180 quoting, several URIs in one cell; read back by the import's own Bitwarden CSV reader. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportPlainCsv, PLAIN_CSV_COLUMNS } from '../../lib/export/export-plain-csv';
import { readImportFile } from '../../lib/import/page/read-import-file';
import { itemContentSchema } from '../../lib/vault/model/item-schema';
import { T0 } from '../vault/fixtures';
import { FULL_LOGIN, FULL_NOTE } from './export-fixtures';

const TRICKY = itemContentSchema.parse({
  type: 'login', title: 'Comma, "quote"', username: 'bob', password: '=cmd|" /C calc"!A0,\nnext', urls: ['https://a.example/x,y', 'https://b.example/'],
  createdAt: T0, updatedAt: T0,
});

describe('exportPlainCsv', () => {
  it("writes Bitwarden's header and one row per item", () => {
    const rows = Papa.parse<string[]>(exportPlainCsv([FULL_LOGIN, FULL_NOTE]), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...PLAIN_CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'Work', '1', 'login', 'GitHub — work', 'Recovery codes in the safe.\nSecond line, ünïcode 🔑', 'PIN: 4711\nAccount no.: A-1, "quoted"', '0',
      'https://github.com/login,https://gist.github.com/', 'alice@example.com', 'c0rrect-Horse-7', 'JBSWY3DPEHPK3PXP',
    ]);
    expect(rows[2]).toEqual(['Home', '', 'note', 'Door codes', 'Front 1234\nBack 5678', 'Alarm: 9999', '0', '', '', '', '']);
    expect(rows).toHaveLength(3);
  });

  it('quotes commas, quotes and line breaks, and writes values exactly (no formula escaping that would change a password)', () => {
    const rows = Papa.parse<string[]>(exportPlainCsv([TRICKY]), { skipEmptyLines: true }).data;
    expect(rows[1]![3]).toBe('Comma, "quote"');
    expect(rows[1]![9]).toBe('=cmd|" /C calc"!A0,\nnext');
    expect(Papa.parse<string[]>(rows[1]![7]!).data[0]).toEqual(['https://a.example/x,y', 'https://b.example/']);
  });

  it('an empty vault gives the header alone', () => {
    expect(exportPlainCsv([])).toBe(`${PLAIN_CSV_COLUMNS.join(',')}\r\n`);
  });

  it("is read back by Sealpass's Bitwarden CSV import with every column it carries", () => {
    const read = readImportFile(new TextEncoder().encode(exportPlainCsv([FULL_LOGIN, FULL_NOTE, TRICKY])));
    expect(read.format).toBe('bitwarden-csv');
    expect(read.result.problems).toEqual([]);
    const [login, note, tricky] = read.result.rows.map((row) => row.content);
    expect(login).toMatchObject({
      type: 'login', title: 'GitHub — work', username: 'alice@example.com', password: 'c0rrect-Horse-7', totp: 'JBSWY3DPEHPK3PXP',
      urls: ['https://github.com/login', 'https://gist.github.com/'], folder: 'Work', favourite: true,
      notes: 'Recovery codes in the safe.\nSecond line, ünïcode 🔑',
      fields: [{ name: 'PIN', value: '4711' }, { name: 'Account no.', value: 'A-1, "quoted"' }],
    });
    expect(note).toMatchObject({ type: 'note', title: 'Door codes', folder: 'Home', fields: [{ name: 'Alarm', value: '9999' }] });
    expect(tricky).toMatchObject({ password: '=cmd|" /C calc"!A0,\nnext', urls: ['https://a.example/x,y', 'https://b.example/'] });
  });
});
