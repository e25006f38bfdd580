/** Chrome / Edge CSV: the fixture field by field (CRLF, quoted commas, a note with a line break, an IDN host, an Android app login). */
import { describe, expect, it } from 'vitest';
import { contentOfRow, importedLogin, readFixture } from '../../fixture';

describe('mapChromeCsv (tests/fixtures/import/chrome.csv)', () => {
  const read = readFixture('chrome.csv');

  it('is detected as Chrome CSV with three rows and no problem', () => {
    expect(read.format).toBe('chrome-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: commas in the password, a two-line note', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'accounts.google.com', urls: ['https://accounts.google.com/signin'], username: 'jane@gmail.com', password: 'pw,with,commas', notes: 'two\r\nlines',
    }));
  });

  it('row 3: an internationalised host is saved in its ASCII (punycode) form, the password as it is', () => {
    expect(contentOfRow(read, 3)).toEqual(importedLogin({ title: 'www.bücher.de', urls: ['https://www.xn--bcher-kva.de/login'], username: 'leser', password: 'pässwort' }));
  });

  it('row 4: an android:// login keeps its app link as a custom field, not as a fill address', () => {
    expect(contentOfRow(read, 4)).toEqual(importedLogin({
      title: 'com.example.app', username: 'appuser', password: 'apppw', fields: [{ name: 'URL', value: 'android://hash@com.example.app/', hidden: false }],
    }));
  });
});

describe('mapChromeCsv: what is and is not Chrome\'s', () => {
  it('a trailing comma on every line (buttercup/chrome-trailing-comma.csv) is still Chrome\'s', () => {
    const read = readFixture('buttercup/chrome-trailing-comma.csv');
    expect(read.format).toBe('chrome-csv');
    expect(read.result.rows).toHaveLength(9);
    expect(read.result.problems.filter((p) => p.skipped)).toEqual([]);
  });

  it('Dropbox Passwords (dropbox.csv: Name,URL,Username,Password,Notes) is not Chrome\'s: read through the mapping, its notes kept', () => {
    const read = readFixture('dropbox.csv');
    expect(read.format).toBe('generic-csv');
    expect(contentOfRow(read, 2)).toEqual(importedLogin({ title: 'Webmail', urls: ['https://webmail.example.org/'], username: 'sam@example.org', password: 'w3bm4il,pw', notes: 'Work account' }));
    expect(contentOfRow(read, 4)).toMatchObject({ type: 'note', title: 'Locker code', notes: 'Locker 12 in the basement' });
  });
});
