/**
 * 1Password 7 CSV, Windows and Mac: our own files in each format (tests/fixtures/import/1password7-*.csv), psono's
 * Windows export with one-time passwords and buttercup's Mac export with chosen columns (see the fixtures' README).
 */
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../lib/import/page/read-import-file';
import { contentOfRow, importedLogin, importedNote, readFixture } from '../../fixture';

const encode = (text: string) => new TextEncoder().encode(text);

describe('map1Password7Csv: Windows (tests/fixtures/import/1password7-windows.csv)', () => {
  const read = readFixture('1password7-windows.csv');

  it('is detected as 1Password 7 (not a generic CSV whose SECTION columns become folders and URLs)', () => {
    expect(read.format).toBe('1password7-csv');
    expect(read.mapping).toBeNull();
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(read.result.problems).toEqual([]);
    expect(read.result.rows.map((r) => r.content.folder)).toEqual(['', '', '', '']);
  });

  it('row 2: a login with both URLs, its tag, its sections as "Section" fields, the PIN hidden, the otpauth link as TOTP, no UUID/SCOPE/AUTOSUBMIT', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Bank – Zürich', username: 'kunde-4711', password: 'b4nk,"pw"', urls: ['https://bank.example.ch/login', 'https://app.bank.example.ch/'],
      tags: ['finance'], notes: 'Branch: Bahnhofstrasse\nsecond line', totp: 'otpauth://totp/Bank:kunde-4711?secret=JBSWY3DPEHPK3PXP&issuer=Bank',
      fields: [
        { name: 'Section', value: 'Security', hidden: false },
        { name: 'PIN', value: '4711', hidden: true },
        { name: 'Section', value: 'Two-factor', hidden: false },
        { name: 'RECOVERY HINT', value: 'in the safe', hidden: false },
      ],
    }));
  });

  it('row 3: an identity (no username, password or address) is a secure note with its sections', () => {
    expect(contentOfRow(read, 3)).toEqual(importedNote({
      title: 'Ana Núñez',
      fields: [
        { name: 'Section', value: 'Identification', hidden: false },
        { name: 'FIRST NAME', value: 'Ana', hidden: false },
        { name: 'LAST NAME', value: 'Núñez', hidden: false },
        { name: 'Section', value: 'Address', hidden: false },
        { name: 'ADDRESS', value: '1 Example Street, Springfield', hidden: false },
      ],
    }));
  });

  it('row 4: a card is a secure note; its number and verification number are hidden', () => {
    expect(contentOfRow(read, 4)).toEqual(importedNote({
      title: 'Company Visa',
      fields: [
        { name: 'CARDHOLDER NAME', value: 'Ana Núñez', hidden: false },
        { name: 'NUMBER', value: '4012888888881881', hidden: true },
        { name: 'VERIFICATION NUMBER', value: '321', hidden: true },
        { name: 'EXPIRY DATE', value: '12/1/2029 12:00 AM', hidden: false },
      ],
    }));
  });

  it('row 5: the 1Password account item: the master password repeats the password (kept once), the account key hidden', () => {
    expect(contentOfRow(read, 5)).toEqual(importedLogin({
      title: '1Password Account', username: 'ana@example.com', password: 'acc0unt-pw', urls: ['https://my.1password.com/'],
      fields: [{ name: 'Account key', value: 'A3-EXAMPL-E00000-11111-22222-33333-44444', hidden: true }],
    }));
  });
});

describe('map1Password7Csv: Mac (tests/fixtures/import/1password7-mac.csv)', () => {
  const read = readFixture('1password7-mac.csv');

  it('is detected by its label(key) columns, and every row is read although quotes are escaped with a backslash', () => {
    expect(read.format).toBe('1password7-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: \\" is a quote, the NSSet tags are two tags, the epoch dates are kept and date the password', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Mail – Ünïcode', username: 'ana@example.com', password: 'm4il,"pw"', urls: ['https://mail.example.com/login'],
      notes: 'say "hi" to the\nhelp desk', tags: ['Starter Kit', 'work'],
      createdAt: 1_577_836_800_000, updatedAt: 1_609_459_200_000, passwordChangedAt: 1_609_459_200_000,
    }));
  });

  it('row 3: a credit card is a note named by its labels; number, PIN and verification number hidden; the empty tag set is no tag', () => {
    expect(contentOfRow(read, 3)).toEqual(importedNote({
      title: 'Visa', createdAt: 1_580_515_200_000, updatedAt: 1_580_515_200_000,
      fields: [
        { name: 'cardholder name', value: 'Ana Núñez', hidden: false },
        { name: 'expiry date', value: '01/2030', hidden: false },
        { name: 'number', value: '4111111111111111', hidden: true },
        { name: 'PIN', value: '2468', hidden: true },
        { name: 'verification number', value: '123', hidden: true },
      ],
    }));
  });

  it('row 4: a backslash that escapes no quote stays; the licence key is hidden', () => {
    expect(contentOfRow(read, 4)).toMatchObject({
      type: 'note', title: 'The "Editor" licence', notes: 'Installed in C:\\Program Files\\Editor on the laptop', tags: ['licences'],
      fields: [{ name: 'license key', value: 'ABCD-1234-EFGH', hidden: true }],
    });
  });

  it('a Mac file with a doubled quote is read the RFC 4180 way, since reading it with backslash escapes loses rows', () => {
    const read2 = readImportFile(encode('"Notes","Password","Title","Type",\n"x","say ""hi""","A","Login",\n"y","p2","B","Login",\n'));
    expect(read2.format).toBe('1password7-csv');
    expect(read2.result.problems).toEqual([]);
    expect(read2.result.rows.map((r) => [r.content.title, r.content.type === 'login' ? r.content.password : ''])).toEqual([['A', 'say "hi"'], ['B', 'p2']]);
  });

  it('a Mac value that ends in a backslash does not swallow the rest of the file', () => {
    const read2 = readImportFile(encode('"Notes","Password","Title","Type",\n"C:\\dir\\","p1","A","Login",\n"y","p2","B","Login",\n'));
    expect(read2.result.problems).toEqual([]);
    expect(read2.result.rows.map((r) => [r.content.title, r.content.notes])).toEqual([['A', 'C:\\dir\\'], ['B', 'y']]);
  });

  it('buttercup\'s Mac export with chosen columns and a trailing comma (buttercup/1password-mac-chosen-fields.csv)', () => {
    const chosen = readFixture('buttercup/1password-mac-chosen-fields.csv');
    expect(chosen.format).toBe('1password7-csv');
    expect(chosen.result.rows.map((r) => r.content)).toEqual([importedLogin({ title: 'Test', username: 'user', password: 'pass' })]);
  });
});

describe('map1Password7Csv: one-time passwords in section fields (psono/1password7-windows-otp.csv)', () => {
  const read = readFixture('psono/1password7-windows-otp.csv');

  it('imports all seven logins; a section column never becomes a folder', () => {
    expect(read.format).toBe('1password7-csv');
    expect(read.result.rows).toHaveLength(7);
    expect(read.result.problems).toEqual([]);
    expect(read.result.rows.every((r) => r.content.folder === '')).toBe(true);
  });

  it('the first otpauth link is the TOTP; a second one stays a hidden field named by its label', () => {
    expect(contentOfRow(read, 3)).toMatchObject({
      type: 'login', title: 'Entry2', totp: 'otpauth://totp/TargetLocation%3Ausername%40example.com?secret=MuSuperSecretId&issuer=Microsoft',
      fields: [{ name: 'TOTP EMEA', value: 'otpauth://totp/TargetLocation:username%40example.com?secret=MySuperSecretId&issuer=custom.url', hidden: true }],
    });
    expect(read.result.rows.filter((r) => r.content.type === 'login' && r.content.totp !== '')).toHaveLength(6);
  });
});
