/** Firefox CSV: the fixture field by field, with its creation and password-change times kept. */
import { describe, expect, it } from 'vitest';
import { buildCsv } from '../../csv-text';
import { contentOfRow, importedLogin, readFixture } from '../../fixture';
import { readImportFile } from '../../../../lib/import/page/read-import-file';

describe('mapFirefoxCsv (tests/fixtures/import/firefox.csv)', () => {
  const read = readFixture('firefox.csv');

  it('is detected as Firefox CSV with three rows and no problem', () => {
    expect(read.format).toBe('firefox-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: the host as title, a quoted comma and quote in the password, timeCreated and timePasswordChanged kept (the latter also as the rotation start)', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'mozilla.org', urls: ['https://www.mozilla.org/'], username: 'fox@example.com', password: 'fire,fox"pw',
      createdAt: 1_600_000_000_000, updatedAt: 1_620_000_000_000, passwordChangedAt: 1_620_000_000_000,
    }));
  });

  it('row 3: a password with a line break is kept exactly; the HTTP realm is kept as a field', () => {
    expect(contentOfRow(read, 3)).toMatchObject({
      title: 'intranet.example.com', username: 'admin', password: 'multi\nline pw', createdAt: 1_610_000_000_000,
      fields: [{ name: 'HTTP realm', value: 'Intranet Realm', hidden: false }],
    });
  });

  it('row 4: an internationalised host', () => {
    expect(contentOfRow(read, 4)).toMatchObject({ title: 'ñandú.example', urls: ['https://xn--and-6ma2c.example/'], username: 'ñandú', password: 'contraseña' });
  });

  it('an unreadable time is reported by row and column, and the row still imports', () => {
    const bytes = buildCsv([
      ['url', 'username', 'password', 'httpRealm', 'formActionOrigin', 'guid', 'timeCreated', 'timeLastUsed', 'timePasswordChanged'],
      ['https://a.example', 'u', 'p', '', '', '{g}', 'yesterday', '', '-5'],
    ]);
    const result = readImportFile(bytes).result;
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.content).not.toHaveProperty('createdAt');
    expect(result.problems).toEqual([
      { row: 2, column: 'timeCreated', problem: 'is not a time in milliseconds; the import time was used instead', skipped: false },
      { row: 2, column: 'timePasswordChanged', problem: 'is not a time in milliseconds; the import time was used instead', skipped: false },
    ]);
  });
});

describe('mapFirefoxCsv: a signed-in profile (firefox-sync-account.csv, written as Firefox\'s LoginExport does)', () => {
  const read = readFixture('firefox-sync-account.csv');

  it('the chrome://FirefoxAccounts row (sync keys as "password") is left out with a notice, never imported as a login', () => {
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(read.result.problems).toEqual([{
      row: 3, column: 'url', skipped: true, notice: true,
      problem: 'is Firefox’s own Mozilla account entry (the keys Firefox Sync uses, not a website login), so it was left out',
    }]);
    expect(JSON.stringify(read.result.rows)).not.toContain('kSync');
  });

  it('an HTTP-authentication login keeps its realm; bookkeeping (formActionOrigin, guid, timeLastUsed) is not turned into fields', () => {
    expect(contentOfRow(read, 4)).toMatchObject({ username: 'bob', password: 'realm-pw', fields: [{ name: 'HTTP realm', value: 'Restricted Area', hidden: false }] });
    expect(contentOfRow(read, 2)).toMatchObject({ password: 'pw, with "quotes"', fields: [] });
  });
});
