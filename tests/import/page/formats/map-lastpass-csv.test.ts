/** LastPass CSV: the fixture field by field, secure notes marked by the URL "http://sn". */
import { describe, expect, it } from 'vitest';
import { contentOfRow, importedLogin, importedNote, readFixture } from '../../fixture';

describe('mapLastPassCsv (tests/fixtures/import/lastpass.csv)', () => {
  const read = readFixture('lastpass.csv');

  it('is detected as LastPass CSV (not Chrome, which shares four columns) with three rows', () => {
    expect(read.format).toBe('lastpass-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: a favourite login with a quoted comma in the password, extra as notes, grouping as folder', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Google – Jane', urls: ['https://accounts.google.com/'], username: 'jane@gmail.com', password: 'g00gle,pw',
      notes: 'Backup email\njane.alt@example.com', folder: 'Personal\\Mail', favourite: true,
    }));
  });

  it('row 3: http://sn is a secure note; a typed note (NoteType:) has its details as fields, a comma kept in the value', () => {
    expect(contentOfRow(read, 3)).toEqual(importedNote({
      title: 'Database server', folder: 'Work',
      fields: [{ name: 'Note type', value: 'Server', hidden: false }, { name: 'Hostname', value: 'db1, port 5432', hidden: false }],
    }));
  });

  it('row 4: non-ASCII username and password with a doubled quote, TOTP secret', () => {
    expect(contentOfRow(read, 4)).toEqual(importedLogin({
      title: 'Amazon.de', urls: ['https://www.amazon.de/ap/signin'], username: 'jürgen', password: 'ämazon"pw', totp: 'JBSWY3DPEHPK3PXP', folder: 'Shopping',
    }));
  });
});
