/** 1Password 8 CSV: the fixture field by field. */
import { describe, expect, it } from 'vitest';
import { contentOfRow, importedLogin, importedNote, readFixture } from '../../fixture';

describe('map1PasswordCsv (tests/fixtures/import/1password.csv)', () => {
  const read = readFixture('1password.csv');

  it('is detected as 1Password CSV with three rows and no problem', () => {
    expect(read.format).toBe('1password-csv');
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.result.problems).toEqual([]);
  });

  it('row 2: quoted comma in the title, a quote in the password, an otpauth link, favourite, comma-separated tags, two-line notes', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'GitHub, work', urls: ['https://github.com/login'], username: 'octo@example.com', password: 'gh,pw"1',
      totp: 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub', favourite: true, tags: ['work', 'dev'],
      notes: 'Recovery codes\nin the safe',
    }));
  });

  it('row 3: non-ASCII everywhere; an archived item gets the tag "archived"', () => {
    expect(contentOfRow(read, 3)).toEqual(importedLogin({
      title: 'Ŝpëcïål Ñame', urls: ['https://example.org/'], username: 'ünïcode', password: 'пароль', tags: ['archived'],
    }));
  });

  it('row 4: only a title, notes and a tag → a secure note', () => {
    expect(contentOfRow(read, 4)).toEqual(importedNote({ title: 'Server notes', notes: 'rack 4, shelf 2', tags: ['infra'] }));
  });
});
