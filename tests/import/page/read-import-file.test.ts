/** readImportFile: the whole reading step; files of another kind are refused with a message naming the problem. */
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../lib/import/import-types';
import { readImportFile } from '../../../lib/import/page/read-import-file';
import { fixtureBytes, readFixture } from '../fixture';

describe('readImportFile', () => {
  const known: [string, string][] = [
    ['bitwarden.csv', 'bitwarden-csv'], ['bitwarden.json', 'bitwarden-json'], ['1password.csv', '1password-csv'],
    ['lastpass.csv', 'lastpass-csv'], ['chrome.csv', 'chrome-csv'], ['firefox.csv', 'firefox-csv'],
    ['keepassxc.csv', 'keepassxc-csv'], ['generic.csv', 'generic-csv'],
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
