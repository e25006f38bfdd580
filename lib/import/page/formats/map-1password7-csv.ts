/**
 * 1Password 7's CSV exports (File → Export → All Items → CSV), in their two spellings:
 * - Windows: `"UUID","TITLE","USERNAME","PASSWORD","URL","URLS","EMAIL","MASTER-PASSWORD","ACCOUNT-KEY","SCOPE","AUTOSUBMIT","TAGS","NOTES"`,
 *   then for each section a heading column `"SECTION n: <id>"` (holding the section's title, such as "Address")
 *   and its fields `"<id> n: <LABEL>"` (a card's own fields are `"n: <LABEL>"`);
 * - Mac: columns named `label(key)` (`"number(ccnum)"`, `"PIN(pin)"`) beside the plain `Title`, `Type`,
 *   `Username`, `Password`, `URL`, `Notes`, `Tags`, `Scope`, `Created Date`, `Modified Date` (seconds since
 *   epoch); quotes inside values escaped with a backslash (parseCsv `backslash`); tags written as an NSSet,
 *   `{(\n    "Starter Kit"\n)}`.
 * A section's title is neither a folder nor an address: it is kept as a field "Section" before the section's
 * fields, as 1Password shows it. Every field is kept as a custom field named by its label, hidden when it
 * is a secret (card number, verification number, PIN, keys…); `otpauth://` values become the login's TOTP.
 * The bookkeeping columns (UUID, SCOPE, AUTOSUBMIT) are left out.
 * Logins (Mac types Login and Password, or any item with a username, password or address) stay logins;
 * cards, identities and the other types become secure notes.
 */
import type { RawColumns, RawRow } from './build-import-row';
import { customField, isOtpauthLink, isSecretFieldName, type CustomField } from './custom-field';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

type Role =
  | 'title' | 'type' | 'username' | 'password' | 'url' | 'urls' | 'email' | 'master-password' | 'account-key'
  | 'tags' | 'notes' | 'created' | 'modified' | 'section' | 'bookkeeping';

/** One column's part: a known value, or a field with its label. */
type Column = { index: number; name: string; role: Role } | { index: number; name: string; role: 'field'; label: string; secret: boolean };

/** Columns both spellings (and older Windows versions) name the same way, by lower-case name. */
const PLAIN_ROLES: Readonly<Record<string, Role>> = {
  title: 'title', type: 'type', username: 'username', password: 'password', url: 'url', urls: 'urls', email: 'email',
  'master-password': 'master-password', 'account-key': 'account-key', tags: 'tags', notes: 'notes', notesplain: 'notes',
  'created date': 'created', 'modified date': 'modified',
  // 1Password's own bookkeeping: the item's id, where it fills, whether it submits, its summary, its strength.
  uuid: 'bookkeeping', scope: 'bookkeeping', autosubmit: 'bookkeeping', ainfo: 'bookkeeping', ps: 'bookkeeping',
};

/** Mac item types that are logins; every other type (Credit Card, Identity, Secure Note…) becomes a note. */
const LOGIN_TYPES = new Set(['login', 'password']);

/** @param table - a parsed file whose header detectImportFormat recognised as 1Password 7's (Windows or Mac) */
export function map1Password7Csv(table: CsvTable): MappedImport {
  const columns = table.header.map((name, index) => classify(name, index));
  const first = (role: Role) => columns.find((column) => column.role === role);
  const rawColumns: RawColumns = {
    title: first('title')?.name, username: first('username')?.name, password: first('password')?.name, urls: first('url')?.name,
    notes: first('notes')?.name, tags: first('tags')?.name, createdAt: first('created')?.name, updatedAt: first('modified')?.name,
    passwordChangedAt: first('modified')?.name,
  };
  // Every column is read here (fields included), so mapCsvRecords has none left to keep.
  return mapCsvRecords(table, (cells, row) => {
    const problems: ImportProblem[] = [];
    const values = (role: Role) => columns.filter((column) => column.role === role).map((column) => cells[column.index] ?? '').filter((value) => value.trim() !== '');
    const one = (role: Role) => values(role)[0] ?? '';
    const plain = new Map((['username', 'password', 'url'] as const).map((role) => [role as string, one(role)]));
    const fields: CustomField[] = [];
    const otpLinks: CustomField[] = [];
    for (const column of columns) {
      const value = cells[column.index] ?? '';
      if (value.trim() === '') continue;
      if (column.role === 'section') fields.push(customField('Section', value));
      if (column.role !== 'field') continue;
      // The Mac writes some values twice: "username(username)" beside the plain "Username".
      if (plain.get(column.label.trim().toLowerCase()) === value) continue;
      if (isOtpauthLink(value)) otpLinks.push(customField(column.label, value.trim(), true));
      else fields.push(customField(column.label, value, column.secret));
    }
    /** 1Password 7 for Mac's times: whole seconds since epoch. */
    const time = (role: Role): number | undefined => {
      const text = one(role).trim();
      if (text === '') return undefined;
      if (/^\d{1,12}$/.test(text)) return Number(text) * 1000;
      problems.push({ row, column: first(role)?.name, problem: 'is not a time in seconds; the import time was used instead', skipped: false });
      return undefined;
    };

    let username = one('username');
    const password = one('password');
    const email = one('email');
    if (email !== '' && username === '') username = email;
    else if (email !== '' && email !== username) fields.push(customField('Email', email));
    const master = one('master-password');
    if (master !== '' && master !== password) fields.push(customField('Master password', master, true));
    const accountKey = one('account-key');
    if (accountKey !== '') fields.push(customField('Account key', accountKey, true));
    const urls = [one('url'), ...one('urls').split(/\r?\n/)];

    const type = one('type').trim().toLowerCase();
    const login = type === '' ? username !== '' || password !== '' || urls.some((url) => url.trim() !== '') || otpLinks.length > 0 : LOGIN_TYPES.has(type);
    const [totp, ...otherLinks] = login ? otpLinks : [];
    fields.push(...(login ? otherLinks : otpLinks));
    const createdAt = time('created');
    const updatedAt = time('modified');
    const raw: RawRow = {
      type: login ? 'login' : 'note',
      title: one('title'),
      username, password, urls, totp: totp?.value ?? '',
      notes: [...new Set(values('notes'))].join('\n\n'),
      tags: parseTags(one('tags')),
      fields,
      ...(createdAt === undefined ? {} : { createdAt }),
      // The export keeps no password date of its own; the item's last change is the latest the password can have been set.
      ...(updatedAt === undefined ? {} : { updatedAt, ...(login ? { passwordChangedAt: updatedAt } : {}) }),
    };
    return { raw, problems };
  }, rawColumns, table.header);
}

/** A column's part, from its name as the header writes it. */
function classify(name: string, index: number): Column {
  const key = name.trim().toLowerCase();
  const role = PLAIN_ROLES[key];
  if (role !== undefined) return { index, name, role };
  // Windows: "SECTION 2: ADDRESS" is the heading of a section; its value is the section's title.
  if (/^section \d+: /i.test(name)) return { index, name, role: 'section' };
  // Windows: "ADDRESS 1: ADDRESS", "SECTION_ABC 2: TOTP EMEA", "2: NUMBER".
  const windows = /^(?:\S+ )?\d+: (.+)$/.exec(name.trim());
  if (windows) return { index, name, role: 'field', label: windows[1]!, secret: isSecretFieldName(windows[1]!) };
  // Mac: "verification number(cvv)": the label for people, the key for 1Password.
  const mac = /^(.+?)\s*\(([A-Za-z0-9_]+)\)$/.exec(name.trim());
  if (mac) return { index, name, role: 'field', label: mac[1]!, secret: isSecretFieldName(mac[1]!) || isSecretFieldName(mac[2]!) };
  return { index, name, role: 'field', label: name.trim() || `Column ${index + 1}`, secret: false };
}

/**
 * Tags as 1Password 7 writes them: comma-separated on Windows, an NSSet's description on the Mac,
 * `{(\n    "Starter Kit",\n    work\n)}` (a tag is quoted when it holds a space or a symbol).
 */
function parseTags(text: string): string[] {
  const set = /^\{\(([\s\S]*)\)\}$/.exec(text.trim());
  if (!set) return text.split(',');
  return set[1]!.split(/,?\r?\n/).map((tag) => tag.trim().replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"'));
}
