/** Generic CSV: a semicolon spreadsheet with BOM and CRLF, the guessed mapping, a user's mapping, unmapped columns kept. */
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../lib/import/import-types';
import { mapGenericColumns } from '../../../../lib/import/page/formats/map-generic-columns';
import { parseCsv } from '../../../../lib/import/page/parse-csv';
import { contentOfRow, importedLogin, readFixture } from '../../fixture';

const NONE: ColumnMapping = { title: null, username: null, password: null, url: null, notes: null, totp: null, folder: null };

describe('mapGenericColumns (tests/fixtures/import/generic.csv)', () => {
  const read = readFixture('generic.csv');

  it('is an unknown CSV, so the columns are guessed from the header', () => {
    expect(read.format).toBe('generic-csv');
    expect(read.table?.header).toEqual(['Website', 'Login', 'Password', 'Account name', 'PIN', 'Comments']);
    expect(read.mapping).toEqual({ title: 3, username: 1, password: 2, url: 0, notes: 5, totp: null, folder: null });
  });

  it('row 2: semicolon-separated, a quoted semicolon, a doubled quote and a line break; PIN kept as a hidden field', () => {
    expect(contentOfRow(read, 2)).toEqual(importedLogin({
      title: 'Shop – Müller', urls: ['https://shop.example.com/'], username: 'kunde@example.com', password: 'geheim;pw',
      notes: 'call "Bob"\r\non Monday', fields: [{ name: 'PIN', value: '4711', hidden: true }],
    }));
  });

  it('row 3: no title → the host; an address without scheme gets https://', () => {
    expect(contentOfRow(read, 3)).toEqual(importedLogin({ title: 'vpn.example.net', urls: ['https://vpn.example.net/'], username: 'admin', password: 'vpn-pw' }));
  });

  it('a mapping chosen by the user wins; every unmapped non-empty column becomes a custom field', () => {
    const table = read.table!;
    const result = mapGenericColumns(table, { ...NONE, title: 1, password: 4 });
    expect(result.rows[0]!.content).toMatchObject({
      title: 'kunde@example.com', password: '4711',
      fields: [
        { name: 'Website', value: 'https://shop.example.com', hidden: false },
        { name: 'Password', value: 'geheim;pw', hidden: true },
        { name: 'Account name', value: 'Shop – Müller', hidden: false },
        { name: 'Comments', value: 'call "Bob"\r\non Monday', hidden: false },
      ],
    });
  });

  it('a mapping pointing past the last column is ignored', () => {
    const result = mapGenericColumns(parseCsv('a,b\nx,y\n'), { ...NONE, title: 0, password: 9 });
    expect(result.rows[0]!.content).toMatchObject({ title: 'x', password: '', fields: [{ name: 'b', value: 'y', hidden: false }] });
  });

  it('a Windows-1252 spreadsheet (not UTF-8) is read as such, accents intact', () => {
    const latin = readFixture('generic-windows-1252.csv');
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.result.rows[0]!.content).toMatchObject({ title: 'Café Zürich', username: 'rené', password: 'mot-de-passe-été' });
  });
});

describe('mapGenericColumns: cards and accounts in another manager\'s CSV (generic-cards.csv)', () => {
  const read = readFixture('generic-cards.csv');

  it('card number, CVC, PIN are hidden fields; "shipping" and the zip code are not (pin is not in shipping)', () => {
    expect(contentOfRow(read, 2).fields).toEqual([
      { name: 'cardholdername', value: 'Jo Example', hidden: false },
      { name: 'cardnumber', value: '4000 0566 5566 5556', hidden: true },
      { name: 'cvc', value: '737', hidden: true },
      { name: 'pin', value: '1234', hidden: true },
      { name: 'expirydate', value: '03/30', hidden: false },
      { name: 'zipcode', value: '8001', hidden: false },
      { name: 'shipping', value: 'Main St 1', hidden: false },
    ]);
  });

  it('IBAN, routing and account number, SSN are hidden; a Luhn-valid card number is hidden whatever its column', () => {
    expect(contentOfRow(read, 3).fields.every((field) => field.hidden)).toBe(true);
    expect(contentOfRow(read, 4).fields).toEqual([
      { name: 'ssn', value: '078-05-1120', hidden: true },
      { name: 'reference', value: '4012888888881881', hidden: true },
    ]);
  });

  it('an otpauth:// link in an unmapped column becomes the TOTP', () => {
    expect(contentOfRow(read, 4)).toMatchObject({ title: 'Tax office', username: 'jo', totp: 'otpauth://totp/Tax:jo?secret=JBSWY3DPEHPK3PXP' });
  });
});
