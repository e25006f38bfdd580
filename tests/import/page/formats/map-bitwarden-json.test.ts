/** Bitwarden unencrypted JSON: folders, logins with URIs, TOTP, custom fields and password history, notes, cards, identities, passkeys. */
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../../lib/import/import-types';
import { mapBitwardenJson } from '../../../../lib/import/page/formats/map-bitwarden-json';
import { contentOfRow, importedLogin, importedNote, readFixture } from '../../fixture';

describe('mapBitwardenJson (tests/fixtures/import/bitwarden.json)', () => {
  const read = readFixture('bitwarden.json');

  it('is detected as Bitwarden JSON; items are numbered from 1', () => {
    expect(read.format).toBe('bitwarden-json');
    expect(read.unit).toBe('item');
    expect(read.table).toBeNull();
    expect(read.result.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('item 1: a login with its folder, URIs, TOTP, custom fields of each type, password history newest first and its times', () => {
    expect(contentOfRow(read, 1)).toEqual(importedLogin({
      title: 'Sparkasse, Online-Banking', notes: 'Kundennummer im Ordner\nzweite Zeile', folder: 'Finanzen – Bank', favourite: true,
      username: 'müller@example.de', password: 'Spär,kasse"2024', totp: 'JBSWY3DPEHPK3PXP', urls: ['https://banking.sparkasse.de/login'],
      fields: [
        { name: 'PIN', value: '2468', hidden: true },
        { name: 'Filiale', value: 'Köln, Innenstadt', hidden: false },
        { name: 'Geschäftskonto', value: 'true', hidden: false },
        { name: 'URL', value: 'androidapp://com.starfinanz.smob.android.sfinanzstatus', hidden: false },
      ],
      passwordHistory: [
        { password: 'older-newer', changedAt: Date.parse('2024-01-15T08:30:00.000Z') },
        { password: 'old,pw"1', changedAt: Date.parse('2023-05-01T10:00:00.000Z') },
      ],
      createdAt: Date.parse('2022-03-04T05:06:07.000Z'), updatedAt: Date.parse('2024-06-01T12:00:00.000Z'),
      // The newest old password stopped being used when the current one was set.
      passwordChangedAt: Date.parse('2024-01-15T08:30:00.000Z'),
    }));
  });

  it('item 2: a secure note with an emoji title', () => {
    expect(contentOfRow(read, 2)).toEqual(importedNote({
      title: 'Tür-Codes 🏠', notes: 'Vorne: 1234\nHinten: 5678',
      createdAt: Date.parse('2024-02-01T01:01:01.000Z'), updatedAt: Date.parse('2024-02-02T02:02:02.000Z'),
    }));
  });

  it('item 3: a card becomes a note in its folder, its number and code hidden', () => {
    expect(contentOfRow(read, 3)).toMatchObject({
      type: 'note', title: 'Company Visa', folder: 'Work',
      fields: [
        { name: 'Cardholder name', value: 'Jörg Müller', hidden: false },
        { name: 'Brand', value: 'Visa', hidden: false },
        { name: 'Number', value: '4111111111111111', hidden: true },
        { name: 'Exp month', value: '12', hidden: false },
        { name: 'Exp year', value: '2030', hidden: false },
        { name: 'Code', value: '123', hidden: true },
      ],
    });
  });

  it('item 4: a login with a passkey imports without it, and says so', () => {
    expect(contentOfRow(read, 4)).toMatchObject({ type: 'login', title: 'Passkey site', username: 'pk-user', urls: ['https://passkeys.example.com/'] });
    expect(read.result.problems).toEqual([
      { row: 4, column: 'login.fido2Credentials', problem: 'holds a passkey, which Sealpass cannot store; the rest of the item was imported', skipped: false },
    ]);
  });

  it('item 5: an identity becomes a note; empty details are left out, the passport number hidden', () => {
    expect(contentOfRow(read, 5)).toMatchObject({
      type: 'note', title: 'Me',
      fields: [
        { name: 'Title', value: 'Dr', hidden: false },
        { name: 'First name', value: 'Ana', hidden: false },
        { name: 'Last name', value: 'Núñez', hidden: false },
        { name: 'Email', value: 'ana@example.com', hidden: false },
        { name: 'Passport number', value: 'X1234567', hidden: true },
      ],
    });
    expect(contentOfRow(read, 5)).not.toHaveProperty('createdAt');
  });
});

describe('mapBitwardenJson: bad items (bad/bitwarden-bad-items.json)', () => {
  const read = readFixture('bad/bitwarden-bad-items.json');

  it('imports the good item and names each bad one by position and field, never by value', () => {
    expect(read.result.rows.map((r) => [r.row, r.content.title])).toEqual([[1, 'Fine']]);
    expect(read.result.problems).toEqual([
      { row: 2, column: 'login.username', problem: 'is not in the shape Bitwarden writes, so the item was not imported', skipped: true },
      { row: 3, column: 'type', problem: 'is an item type Sealpass does not know, so the item was not imported', skipped: true },
      { row: 4, column: 'item', problem: 'is not in the shape Bitwarden writes, so the item was not imported', skipped: true },
      { row: 5, problem: 'has nothing to import', skipped: true },
    ]);
  });

  it('a folder list that is not a list at all still refuses the whole file with a clear message', () => {
    expect(() => mapBitwardenJson({ folders: 'nope', items: [] })).toThrow(ImportFileError);
    expect(() => mapBitwardenJson({ folders: 'nope', items: [] })).toThrow('its "folders" list is not in the shape Bitwarden writes');
  });

  it('an organization export names folders by collection', () => {
    const result = mapBitwardenJson({
      collections: [{ id: 'c1', name: 'Team Ops' }],
      items: [{ type: 1, name: 'Shared', collectionIds: ['c1'], login: { username: 'ops', password: 'pw' } }],
    });
    expect(result.rows[0]!.content).toMatchObject({ folder: 'Team Ops', username: 'ops' });
  });
});

describe('mapBitwardenJson: nulls as other tools write them (bitwarden-nulls.json), S8', () => {
  const read = readFixture('bitwarden-nulls.json');

  it('S8: every item imports; null list entries, folders without id or name, a missing folderId and a missing type lose nothing', () => {
    expect(read.result.rows.map((r) => [r.row, r.content.type, r.content.title, r.content.folder])).toEqual([
      [1, 'login', 'Sparkasse', 'Privat'],
      [2, 'note', 'Alarm code', ''],
      [3, 'login', 'Old forum', ''],
      [4, 'login', 'Hand-written entry', ''],
    ]);
  });

  it('item 1: null URIs and fields dropped, a field without a type is text; history newest first dates the password', () => {
    expect(contentOfRow(read, 1)).toEqual(importedLogin({
      title: 'Sparkasse', folder: 'Privat', username: 'kunde', password: 'n3w-pw', urls: ['https://banking.example.de/login'],
      fields: [
        { name: 'Kundennummer', value: '42-17', hidden: false },
        { name: 'PIN', value: '1234', hidden: true },
        { name: 'Old password', value: 'undated-pw', hidden: true },
      ],
      passwordHistory: [
        { password: 'old-pw', changedAt: Date.parse('2022-06-15T08:30:00.000Z') },
        { password: 'older-pw', changedAt: Date.parse('2021-03-01T10:00:00.000Z') },
      ],
      createdAt: Date.parse('2019-05-05T05:05:05.000Z'), updatedAt: Date.parse('2023-01-10T12:00:00.000Z'),
      passwordChangedAt: Date.parse('2022-06-15T08:30:00.000Z'),
    }));
  });

  it('bad history entries are reported by position, never dropped silently, never by value', () => {
    expect(read.result.problems).toEqual([
      { row: 1, column: 'passwordHistory.1.lastUsedDate', problem: 'is not a date and time; this old password was kept as a hidden custom field "Old password"', skipped: false },
      { row: 1, column: 'passwordHistory.2', problem: 'holds no password, so this history entry was left out', skipped: false },
      { row: 1, column: 'passwordHistory.3', problem: 'holds no password, so this history entry was left out', skipped: false },
    ]);
    expect(JSON.stringify(read.result.problems)).not.toContain('undated-pw');
  });

  it('item 3: without history, the revision date says when the password was set', () => {
    expect(contentOfRow(read, 3)).toMatchObject({ passwordChangedAt: Date.parse('2016-07-01T00:00:00.000Z'), createdAt: Date.parse('2016-06-01T00:00:00.000Z') });
  });

  it('the single cases: [null] as collectionIds, uris, fields and history; a typeless field; a folder with a null name', () => {
    const result = mapBitwardenJson({
      folders: [{ id: 'f', name: null }],
      items: [{ type: 1, name: 'n', folderId: 'f', collectionIds: [null], fields: [null, { name: 'x', value: 'y' }], login: { uris: [null], password: 'p' }, passwordHistory: [null] }],
    });
    expect(result.rows[0]!.content).toEqual(importedLogin({ title: 'n', password: 'p', fields: [{ name: 'x', value: 'y', hidden: false }], passwordHistory: [] }));
    expect(result.problems).toEqual([{ row: 1, column: 'passwordHistory.0', problem: 'holds no password, so this history entry was left out', skipped: false }]);
  });
});

describe('mapBitwardenJson: Bitwarden\'s documented sample (psono/bitwarden.json) and a hand-written file (buttercup/bitwarden-untyped.json)', () => {
  it('S8: the documented sample with "collectionIds": [null] on every item imports all five items', () => {
    const read = readFixture('psono/bitwarden.json');
    expect(read.result.rows.map((r) => [r.content.type, r.content.title, r.content.folder])).toEqual([
      ['note', 'My Secure Subfolder Note', 'My Folder/Subfolder'],
      ['note', 'My Secure Note', 'My Folder'],
      ['note', 'Card Name', 'My Folder'],
      ['note', 'My Identity', 'My Folder'],
      ['login', 'Login Name', 'My Folder'],
    ]);
    expect(read.result.problems).toEqual([]);
    expect(contentOfRow(read, 3).fields).toContainEqual({ name: 'Number', value: '1234567891011121', hidden: true });
  });

  it('items without a type are read by their details, as KeePassXC reads them', () => {
    const read = readFixture('buttercup/bitwarden-untyped.json');
    expect(read.result.rows.map((r) => [r.content.type, r.content.title])).toEqual([
      ['login', 'Item without any info'], ['login', 'Item with login'], ['login', 'Item with login uri'], ['note', 'Item with notes'], ['login', 'Item with fields'],
    ]);
    expect(read.result.problems).toEqual([]);
  });

  it('a secure note\'s password history is kept as hidden fields, and said so', () => {
    const result = mapBitwardenJson({ items: [{ type: 2, name: 'N', notes: 'x', passwordHistory: [{ lastUsedDate: 'YYYY-MM-00T00:00:00.000Z', password: 'pv' }] }] });
    expect(result.rows[0]!.content).toEqual(importedNote({ title: 'N', notes: 'x', fields: [{ name: 'Old password', value: 'pv', hidden: true }] }));
    expect(result.problems).toEqual([{ row: 1, column: 'passwordHistory', problem: expect.stringContaining('not a login'), skipped: false }]);
  });
});
