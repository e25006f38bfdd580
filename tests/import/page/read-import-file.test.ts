/** readImportFile: the whole reading step; files of another kind are refused with a message naming the problem. */
import { describe, expect, it } from 'vitest';
import { rotationStatus } from '../../../lib/health/rotation-status';
import { ImportFileError } from '../../../lib/import/import-types';
import { readImportFile } from '../../../lib/import/page/read-import-file';
import { fixtureBytes, readFixture } from '../fixture';

describe('readImportFile', () => {
  const known: [string, string][] = [
    ['bitwarden.csv', 'bitwarden-csv'], ['bitwarden.json', 'bitwarden-json'], ['1password.csv', '1password-csv'],
    ['lastpass.csv', 'lastpass-csv'], ['chrome.csv', 'chrome-csv'], ['firefox.csv', 'firefox-csv'],
    ['keepassxc.csv', 'keepassxc-csv'], ['generic.csv', 'generic-csv'],
    ['1password7-windows.csv', '1password7-csv'], ['1password7-mac.csv', '1password7-csv'], ['bitwarden-nulls.json', 'bitwarden-json'],
    ['lastpass-typed-notes.csv', 'lastpass-csv'], ['lastpass-crcrlf.csv', 'lastpass-csv'], ['dropbox.csv', 'generic-csv'], ['generic-cards.csv', 'generic-csv'],
    ['psono/bitwarden.json', 'bitwarden-json'], ['psono/1password7-windows-otp.csv', '1password7-csv'], ['psono/lastpass.csv', 'lastpass-csv'],
    ['buttercup/bitwarden-untyped.json', 'bitwarden-json'], ['buttercup/chrome-trailing-comma.csv', 'chrome-csv'],
  ];
  it.each(known)('%s → %s, every row importable', (name, format) => {
    const read = readFixture(name);
    expect(read.format).toBe(format);
    expect(read.result.rows.length).toBeGreaterThan(1);
    expect(read.result.problems.filter((p) => p.skipped)).toEqual([]);
  });

  it('only a generic CSV carries a mapping; a given mapping is used instead of the guess', () => {
    expect(readFixture('chrome.csv').mapping).toBeNull();
    const mapping = { title: 1, username: null, password: null, url: null, notes: null, totp: null, folder: null };
    const read = readFixture('generic.csv', mapping);
    expect(read.mapping).toBe(mapping);
    expect(read.result.rows[0]!.content.title).toBe('kunde@example.com');
  });

  const refused: [string, string][] = [
    ['bad/empty.csv', 'The file is empty.'],
    ['bad/blank.csv', 'The file is empty.'],
    ['bad/image.png', 'not a text file'],
    ['bad/spreadsheet.xlsx', 'ZIP archive'],
    ['bad/page.html', 'HTML or XML'],
    ['bad/not-bitwarden.json', 'not a Bitwarden export'],
    ['bad/bitwarden-encrypted.json', 'is encrypted'],
    ['bad/truncated.json', 'not valid JSON'],
    ['bad/single-column.txt', 'single column'],
    ['bad/header-only.csv', 'a header row but no rows'],
  ];
  it.each(refused)('refuses %s: "%s"', (name, message) => {
    const read = () => readImportFile(fixtureBytes(name));
    expect(read).toThrow(ImportFileError);
    expect(read).toThrow(message);
  });

  it('a Bitwarden JSON with an empty items list says so', () => {
    expect(() => readImportFile(new TextEncoder().encode('{"encrypted":false,"items":[]}'))).toThrow('holds no items');
  });

  it('a file whose only data row is unreadable is still read: the row problem is the answer', () => {
    const read = readImportFile(new TextEncoder().encode('name,url,username,password\n"a,b,c,d\n'));
    expect(read.result.rows).toEqual([]);
    expect(read.result.problems).toEqual([{ row: 2, problem: expect.stringContaining('not closed properly'), skipped: true }]);
  });
});

describe('readImportFile: password dates that exports carry count in Health', () => {
  const YEAR = 365 * 86_400_000;
  const now = Date.parse('2024-06-01T00:00:00Z');
  const login = (read: ReturnType<typeof readFixture>, row: number) => {
    const content = read.result.rows.find((r) => r.row === row)!.content;
    if (content.type !== 'login') throw new Error('not a login');
    return { ...content, passwordHistory: content.passwordHistory ?? [], createdAt: content.createdAt ?? now };
  };

  it.each([
    ['bitwarden-nulls.json', 3, Date.parse('2016-07-01T00:00:00.000Z')],
    ['keepassxc.csv', 2, Date.parse('2024-02-01T10:00:00Z')],
    ['1password7-mac.csv', 2, 1_609_459_200_000],
    ['firefox.csv', 2, 1_620_000_000_000],
  ])('%s row %i: the password counts from its own date, not from the import', (name, row, setAt) => {
    const status = rotationStatus(login(readFixture(name), row), now);
    expect(status.passwordSetAt).toBe(setAt);
    expect(status.due).toBe(now - setAt >= 90 * 86_400_000);
  });

  it('an eight-year-old Bitwarden password is due for rotation at once', () => {
    expect(rotationStatus(login(readFixture('bitwarden-nulls.json'), 3), now)).toMatchObject({ due: true });
    expect(now - rotationStatus(login(readFixture('bitwarden-nulls.json'), 3), now).passwordSetAt).toBeGreaterThan(7 * YEAR);
  });
});
