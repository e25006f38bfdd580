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

describe('mapLastPassCsv: typed secure notes and "http://" (lastpass-typed-notes.csv)', () => {
  const read = readFixture('lastpass-typed-notes.csv');

  it('every row imports; "http://" means no address (no junk URL field)', () => {
    expect(read.result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(read.result.problems).toEqual([]);
    expect(contentOfRow(read, 2)).toEqual(importedLogin({ title: 'No address', username: 'nourl-user', password: 'pw-no-url' }));
  });

  it('a credit card: details as fields, number and security code hidden, empty and "," dates left out, the text after Notes: as notes', () => {
    expect(contentOfRow(read, 3)).toEqual(importedNote({
      title: 'Travel card', folder: 'Cards', notes: 'Use for travel\nsecond line',
      fields: [
        { name: 'Note type', value: 'Credit Card', hidden: false },
        { name: 'Name on Card', value: 'Jo Example', hidden: false },
        { name: 'Type', value: 'Visa', hidden: false },
        { name: 'Number', value: '4000056655665556', hidden: true },
        { name: 'Security Code', value: '737', hidden: true },
        { name: 'Expiration Date', value: 'March,2030', hidden: false },
      ],
    }));
  });

  it('a bank account: routing and account number, IBAN and PIN hidden, the SWIFT code not', () => {
    expect(contentOfRow(read, 4).fields).toEqual([
      { name: 'Note type', value: 'Bank Account', hidden: false },
      { name: 'Bank Name', value: 'Example Bank', hidden: false },
      { name: 'Account Type', value: 'Checking', hidden: false },
      { name: 'Routing Number', value: '021000021', hidden: true },
      { name: 'Account Number', value: '12345678', hidden: true },
      { name: 'SWIFT Code', value: 'EXAMPLEX', hidden: false },
      { name: 'IBAN Number', value: 'GB33BUKB20201555555555', hidden: true },
      { name: 'Pin', value: '9876', hidden: true },
    ]);
  });

  it('an SSH key: a private key over several lines stays one hidden field, the public key visible', () => {
    const content = contentOfRow(read, 5);
    expect(content.notes).toBe('deploy key');
    expect(content.fields).toContainEqual({ name: 'Private Key', value: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAexample\n-----END OPENSSH PRIVATE KEY-----', hidden: true });
    expect(content.fields).toContainEqual({ name: 'Passphrase', value: 'correct horse', hidden: true });
    expect(content.fields).toContainEqual({ name: 'Public Key', value: 'ssh-ed25519 AAAAC3NzaExample deploy', hidden: false });
  });

  it('Wi-Fi: the password hidden; a note without NoteType is left as it is', () => {
    expect(contentOfRow(read, 6)).toMatchObject({ favourite: true, notes: 'router in the hall' });
    expect(contentOfRow(read, 6).fields).toContainEqual({ name: 'Password', value: 'wifi-pw-123', hidden: true });
    expect(contentOfRow(read, 7)).toEqual(importedNote({ title: 'Plain note', notes: 'Plain text, no type:\njust a note' }));
  });

  it('psono\'s export (psono/lastpass.csv): the software licence key is a hidden field, not plain notes', () => {
    const psono = readFixture('psono/lastpass.csv');
    expect(psono.result.rows).toHaveLength(7);
    expect(contentOfRow(psono, 8)).toMatchObject({ type: 'note', title: 'Microsoft', notes: 'Installed on notebook\n', folder: 'Licenses' });
    expect(contentOfRow(psono, 8).fields).toContainEqual({ name: 'License Key', value: 'ASDFG-ASDFG-ASDFG-ASDFG-ASDFG', hidden: true });
  });
});

describe('mapLastPassCsv: CR CR LF line ends (lastpass-crcrlf.csv)', () => {
  it('rows are numbered as the file has them, with no empty record between them', () => {
    const read = readFixture('lastpass-crcrlf.csv');
    expect(read.result.rows.map((r) => [r.row, r.content.title, r.content.notes])).toEqual([[2, 'Note one', 'first note text'], [3, 'Example', ''], [4, 'Note three', 'third note text']]);
    expect(read.table?.records.every((record) => !/^[\r\n]/.test(record.cells[0] ?? ''))).toBe(true);
  });
});
