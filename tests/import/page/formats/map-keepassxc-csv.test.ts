/** KeePassXC CSV: the fixture field by field, the root group dropped from folders, times kept. */
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../lib/import/page/read-import-file';
import { buildCsv } from '../../csv-text';
import { contentOfRow, importedLogin, readFixture } from '../../fixture';

const HEADER = ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP', 'Icon', 'Last Modified', 'Created'];

describe('mapKeePassXcCsv (tests/fixtures/import/keepassxc.csv)', () => {
  const read = readFixture('keepassxc.csv');

  it('is detected as KeePassXC CSV with two rows and no problem', () => {
    expect(read.format).toBe('keepassxc-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: an entry in the root group has no folder; a bare IP address gets https://; comma in password and notes; "Last Modified" dates the password', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Router', username: 'admin', password: 'r0uter,pw', urls: ['https://192.168.1.1/'], notes: 'Closet, top shelf',
      createdAt: Date.parse('2023-01-01T09:00:00Z'), updatedAt: Date.parse('2024-02-01T10:00:00Z'), passwordChangedAt: Date.parse('2024-02-01T10:00:00Z'),
    }));
  });

  it('row 3: "Root/Email" becomes the folder "Email"; non-ASCII, a doubled quote, two-line notes, an otpauth TOTP', () => {
    expect(contentOfRow(read, 3)).toEqual(importedLogin({
      folder: 'Email', title: 'Posteo – Ünïcode', username: 'ülla@posteo.de', password: 'mail"pw', urls: ['https://posteo.de/'], notes: 'line1\nline2',
      totp: 'otpauth://totp/Posteo:ulla?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Posteo',
      createdAt: Date.parse('2023-06-01T08:00:00Z'), updatedAt: Date.parse('2024-03-05T12:30:00Z'), passwordChangedAt: Date.parse('2024-03-05T12:30:00Z'),
    }));
  });

  it('groups that do not share a root keep their whole path; a bad date is reported and the row imported', () => {
    const result = readImportFile(buildCsv([
      HEADER,
      ['Passwords/Web', 'A', 'a', 'pa', '', '', '', '0', 'not a date', ''],
      ['Other', 'B', 'b', 'pb', '', '', '', '0', '', ''],
    ])).result;
    expect(result.rows.map((r) => r.content.folder)).toEqual(['Passwords/Web', 'Other']);
    expect(result.problems).toEqual([{ row: 2, column: 'Last Modified', problem: 'is not a date and time; the import time was used instead', skipped: false }]);
  });
});
