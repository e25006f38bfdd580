/** buildImportRow: URLs, TOTP, titles, note detection, validation problems named by column and never by value. */
import { describe, expect, it } from 'vitest';
import { buildImportRow } from '../../../../lib/import/page/formats/build-import-row';
import { importedLogin, importedNote } from '../../fixture';

describe('buildImportRow', () => {
  it('normalises web addresses as the editor does and drops repeats; app links become custom fields', () => {
    const { entry } = buildImportRow(2, { title: 't', urls: ['example.com/login', ' https://example.com/login ', 'http://intranet:8080/', 'ios-app://123/x', ''] }, {});
    expect(entry?.content).toEqual(importedLogin({
      title: 't', urls: ['https://example.com/login', 'http://intranet:8080/'], fields: [{ name: 'URL', value: 'ios-app://123/x', hidden: false }],
    }));
  });

  it('a missing title comes from the first web host (as written, without www.), else the username, else the row', () => {
    expect(buildImportRow(2, { urls: ['https://www.bücher.de/x'], username: 'u' }, {}).entry?.content.title).toBe('bücher.de');
    expect(buildImportRow(2, { username: ' someone ', password: 'p' }, {}).entry?.content.title).toBe('someone');
    expect(buildImportRow(7, { password: 'p' }, {}).entry?.content.title).toBe('Imported item (row 7)');
  });

  it('a row with no name and no password is imported and reported, saying what it is called now', () => {
    expect(buildImportRow(3, { urls: ['https://www.site.example/'], username: 'u' }, {}).problems).toEqual([
      { row: 3, problem: 'has no name and no password; it was imported under its site’s name', skipped: false },
    ]);
    expect(buildImportRow(4, { username: 'u' }, {}).problems).toEqual([{ row: 4, problem: 'has no name and no password; it was imported under its username', skipped: false }]);
    const placeholder = buildImportRow(5, { urls: ['htts:/broken.example'] }, {});
    expect(placeholder.entry?.content.title).toBe('Imported item (row 5)');
    expect(placeholder.problems).toEqual([{ row: 5, problem: 'has no name and no password; it was imported as “Imported item (row 5)”', skipped: false }]);
    expect(buildImportRow(6, { type: 'note', notes: 'text' }, {}).problems).toEqual([{ row: 6, problem: 'has no name; it was imported as “Imported item (row 6)”', skipped: false }]);
    // A name, or a password, is enough not to be reported.
    expect(buildImportRow(7, { title: 'T' }, {}).problems).toEqual([]);
    expect(buildImportRow(8, { urls: ['a.example'], password: 'p' }, {}).problems).toEqual([]);
  });

  it('a scheme alone ("http://", LastPass for "no address") is no address and no field', () => {
    expect(buildImportRow(2, { title: 't', password: 'p', urls: ['http://', 'https:// '] }, {}).entry?.content).toEqual(importedLogin({ title: 't', password: 'p' }));
  });

  it('keeps usernames, passwords and notes exactly, spaces included', () => {
    expect(buildImportRow(2, { title: 't', username: ' u ', password: ' p ', notes: ' n ' }, {}).entry?.content).toMatchObject({ username: ' u ', password: ' p ', notes: ' n ' });
  });

  it('a valid TOTP secret or otpauth link is kept; a broken one moves to a hidden field with a problem that keeps the row', () => {
    expect(buildImportRow(2, { title: 't', totp: ' jbsw y3dp ehpk 3pxp ' }, {}).entry?.content).toMatchObject({ totp: 'jbsw y3dp ehpk 3pxp' });
    const broken = buildImportRow(3, { title: 't', totp: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP' }, { totp: 'OTP' });
    expect(broken.entry?.content).toMatchObject({ totp: '', fields: [{ name: 'TOTP', value: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', hidden: true }] });
    expect(broken.problems).toEqual([{ row: 3, column: 'OTP', problem: expect.stringContaining('not a valid one-time-code secret'), skipped: false }]);
  });

  it('a row with a title and notes only is a secure note; a note keeps login values as custom fields', () => {
    expect(buildImportRow(2, { title: 'Wi-Fi', notes: 'key' }, {}).entry?.content).toEqual(importedNote({ title: 'Wi-Fi', notes: 'key' }));
    expect(buildImportRow(2, { type: 'note', title: 'N', username: 'u', password: 'p', urls: ['a.example'] }, {}).entry?.content).toEqual(importedNote({
      title: 'N',
      fields: [{ name: 'Username', value: 'u', hidden: false }, { name: 'Password', value: 'p', hidden: true }, { name: 'URL', value: 'https://a.example/', hidden: false }],
    }));
  });

  it('tags are trimmed, empty ones dropped, repeats removed; folder trimmed', () => {
    expect(buildImportRow(2, { title: 't', tags: [' a', '', 'b ', 'a'], folder: ' Work ' }, {}).entry?.content).toMatchObject({ tags: ['a', 'b'], folder: 'Work' });
  });

  it('an empty row is skipped with a problem', () => {
    expect(buildImportRow(4, { title: ' ', urls: [' '] }, {})).toEqual({ entry: null, problems: [{ row: 4, problem: 'has nothing to import', skipped: true }] });
  });

  it('values over the item limits skip the row, naming the column and the limit, never the value', () => {
    const secret = 'S3cr3t'.repeat(1_000);
    const result = buildImportRow(9, { title: 't', password: secret, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, { password: 'Passwort', tags: 'Tags' });
    expect(result.entry).toBeNull();
    expect(result.problems).toEqual([
      { row: 9, column: 'Tags', problem: 'has more than 50 entries, so the row was not imported', skipped: true },
      { row: 9, column: 'Passwort', problem: 'is longer than 4,096 characters, so the row was not imported', skipped: true },
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('S3cr3t');
  });

  it('keeps given times and history; a bad time is a validation problem', () => {
    const history = [{ password: 'old', changedAt: 5 }];
    expect(buildImportRow(2, { title: 't', createdAt: 1, updatedAt: 2, passwordHistory: history }, {}).entry?.content).toMatchObject({ createdAt: 1, updatedAt: 2, passwordHistory: history });
    expect(buildImportRow(2, { title: 't', createdAt: 1.5 }, { createdAt: 'created' }).problems).toEqual([
      { row: 2, column: 'created', problem: 'is not valid, so the row was not imported', skipped: true },
    ]);
  });
});
