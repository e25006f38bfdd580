/** guessColumnMapping: exact names first, then names containing a longer synonym; one field per column. */
import { describe, expect, it } from 'vitest';
import { guessColumnMapping } from '../../../lib/import/page/guess-column-mapping';

describe('guessColumnMapping', () => {
  it('maps the usual English names regardless of case, spaces and underscores', () => {
    expect(guessColumnMapping(['Title', 'User_Name', 'PASSWORD', 'Web Site', 'Notes', 'TOTP', 'Folder'])).toEqual({
      title: 0, username: 1, password: 2, url: 3, notes: 4, totp: 5, folder: 6,
    });
  });

  it('maps an Apple Passwords export (read as generic) completely', () => {
    expect(guessColumnMapping(['Title', 'URL', 'Username', 'Password', 'Notes', 'OTPAuth'])).toEqual({
      title: 0, url: 1, username: 2, password: 3, notes: 4, totp: 5, folder: null,
    });
  });

  it('uses each column once: "name" is the title, "email" the username', () => {
    expect(guessColumnMapping(['email', 'name', 'pwd'])).toMatchObject({ title: 1, username: 0, password: 2 });
  });

  it('finds a longer synonym inside a name, but not a short one ("pass" in "Passport number")', () => {
    expect(guessColumnMapping(['Passport number', 'Account password', 'Login URL'])).toEqual({
      title: null, username: null, password: 1, url: 2, notes: null, totp: null, folder: null,
    });
  });

  it('leaves everything unmapped for names it does not know', () => {
    expect(Object.values(guessColumnMapping(['foo', 'bar']))).toEqual([null, null, null, null, null, null, null]);
  });
});
