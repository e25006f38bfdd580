/** Bitwarden CSV: the fixture field by field (quoted commas and quotes, line breaks, non-ASCII, CRLF), and its failures. */
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../lib/import/page/read-import-file';
import { buildCsv } from '../../csv-text';
import { contentOfRow, importedLogin, importedNote, readFixture } from '../../fixture';

describe('mapBitwardenCsv (tests/fixtures/import/bitwarden.csv)', () => {
  const read = readFixture('bitwarden.csv');

  it('is detected as Bitwarden CSV, UTF-8, three rows and no problem', () => {
    expect(read.format).toBe('bitwarden-csv');
    expect(read.encoding).toBe('utf-8');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: a favourite login in a folder, with a quoted comma and quote in the password, a line break in the notes', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Twitter, personal', notes: 'Line one\nLine two', folder: 'Social', favourite: true,
      urls: ['https://twitter.com/login'], username: 'me@example.com', password: 'pa,ss"word', totp: 'JBSWY3DPEHPK3PXP',
    }));
  });

  it('row 3: non-ASCII values, "name: value" custom fields, two URIs of which the app link becomes a field', () => {
    expect(contentOfRow(read, 3)).toEqual(importedLogin({
      title: 'Zürich Bank – Ålesund', username: 'jörg', password: 'pässwörd✓', urls: ['https://bank.example.ch/login'],
      fields: [
        { name: 'PIN', value: '1234', hidden: false },
        { name: 'Security question', value: 'Café?', hidden: false },
        { name: 'URL', value: 'androidapp://ch.bank.app', hidden: false },
      ],
    }));
  });

  it('row 4: a secure note with a CJK title and a two-line body', () => {
    expect(contentOfRow(read, 4)).toEqual(importedNote({ title: 'Wi-Fi 密码', notes: 'SSID: office\nkey: hunter2', folder: 'Work' }));
  });
});

describe('mapBitwardenCsv: a file with bad rows (bad/bitwarden-bad-rows.csv)', () => {
  const read = readFixture('bad/bitwarden-bad-rows.csv');

  it('imports the valid rows, and the row with a broken TOTP secret with the secret kept as a hidden field', () => {
    expect(read.result.rows.map((r) => [r.row, r.content.title])).toEqual([[2, 'Good one'], [5, 'Bad TOTP'], [7, 'Good two']]);
    expect(contentOfRow(read, 5)).toMatchObject({ totp: '', fields: [{ name: 'TOTP', value: 'not-base32!', hidden: true }] });
  });

  it('names each bad row and its column, and never a value', () => {
    expect(read.result.problems).toEqual([
      { row: 3, problem: 'has 12 fields, but the header has 11', skipped: true },
      { row: 4, column: 'type', problem: 'is neither "login" nor "note", so the row was not imported', skipped: true },
      { row: 5, column: 'login_totp', problem: 'is not a valid one-time-code secret; it was kept as a hidden custom field "TOTP"', skipped: false },
      { row: 6, column: 'login_password', problem: 'is longer than 4,096 characters, so the row was not imported', skipped: true },
      { row: 8, problem: 'a quoted field is not closed properly, so this row and everything after it could not be read', skipped: true },
    ]);
    const text = JSON.stringify(read.result.problems);
    for (const value of ['not-base32!', 'xxxxxxxx', 'card', 'extra', 'Unclosed']) expect(text).not.toContain(value);
  });
});

describe('mapBitwardenCsv: login_uri lists', () => {
  it('splits plain and quoted URI lists (a URI with a comma is quoted inside the cell)', () => {
    const header = ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'];
    const read = readImportFile(buildCsv([
      header,
      ['', '', 'login', 'plain', '', '', '0', 'https://a.example/, https://b.example/', 'u', 'p', ''],
      ['', '', 'login', 'quoted', '', '', '0', '"https://c.example/?q=1,2",https://d.example/', 'u', 'p', ''],
    ]));
    expect(read.result.rows.map((r) => (r.content.type === 'login' ? r.content.urls : []))).toEqual([
      ['https://a.example/', 'https://b.example/'],
      ['https://c.example/?q=1,2', 'https://d.example/'],
    ]);
  });
});
