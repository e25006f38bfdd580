/**
 * Tells which export a file is from its first characters and its header row: a Bitwarden JSON export,
 * one of the known CSV exports by its documented columns, any other CSV (mapped by the user), or a file
 * of another kind, refused with a message that says what it looks like.
 */
import Papa from 'papaparse';
import { guessDelimiter } from './guess-delimiter';
import type { CsvEscapes } from './parse-csv';
import { ImportFileError, type ImportFormat } from '../import-types';

/** The format, and for JSON the parsed document (so it is parsed once); `escapes` when quotes are not doubled. */
export type DetectedImport =
  | { kind: 'csv'; format: Exclude<ImportFormat, 'bitwarden-json'>; escapes?: CsvEscapes }
  | { kind: 'json'; format: 'bitwarden-json'; data: unknown };

type KnownCsv = Exclude<ImportFormat, 'bitwarden-json' | 'generic-csv'>;

/**
 * Columns that identify each CSV export, lower-case, in the order tried: LastPass before Chrome, since
 * both have name, url, username and password.
 */
const SIGNATURES: readonly [KnownCsv, readonly string[]][] = [
  ['bitwarden-csv', ['type', 'name', 'login_uri', 'login_username', 'login_password']],
  ['lastpass-csv', ['url', 'username', 'password', 'extra', 'name', 'grouping']],
  ['firefox-csv', ['url', 'username', 'password', 'httprealm', 'formactionorigin', 'guid']],
  ['keepassxc-csv', ['group', 'title', 'username', 'password', 'url', 'notes']],
  // 1Password 7 for Windows: bookkeeping columns no other export has.
  ['1password7-csv', ['uuid', 'title', 'scope', 'autosubmit']],
  // "archived" tells 1Password's from Apple Passwords' CSV (Title,URL,Username,Password,Notes,OTPAuth), read as generic.
  ['1password-csv', ['title', 'url', 'username', 'password', 'otpauth', 'archived']],
];

/** Chrome's and Edge's columns: exactly these (`note` since Chrome 118); any other column means another tool's file. */
const CHROME_COLUMNS = ['name', 'url', 'username', 'password', 'note'];

/** 1Password 7 for Mac's columns that carry no "(key)": every other one is written "label(key)". */
const ONEPASSWORD7_MAC_PLAIN = new Set(['title', 'type', 'notes', 'password', 'url', 'username', 'tags', 'scope', 'created date', 'modified date']);

/**
 * @param text - the decoded file (decodeImportText), not empty
 * @throws ImportFileError for HTML or XML, invalid JSON, JSON that is not an unencrypted Bitwarden
 *   export, and a CSV with a single column
 * @example detectImportFormat('name,url,username,password,note\n') // { kind: 'csv', format: 'chrome-csv' }
 */
export function detectImportFormat(text: string): DetectedImport {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    throw new ImportFileError('This looks like an HTML or XML file (a web page, or a KeePass XML export), not a CSV or JSON export.');
  }
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(text);

  const cells = (Papa.parse<string[]>(text, { preview: 1, delimiter: guessDelimiter(text) }).data[0] ?? []).map((cell) => cell.trim().toLowerCase());
  // A trailing delimiter on the header (1Password 7 for Mac, hand-edited files) adds an empty last name.
  const header = cells.at(-1) === '' ? cells.slice(0, -1) : cells;
  const columns = new Set(header);
  for (const [format, required] of SIGNATURES) {
    if (required.every((column) => columns.has(column))) return { kind: 'csv', format };
  }
  if (isOnePassword7Mac(header)) return { kind: 'csv', format: '1password7-csv', escapes: 'backslash' };
  if (CHROME_COLUMNS.slice(0, 4).every((column) => columns.has(column)) && header.every((column) => CHROME_COLUMNS.includes(column))) {
    return { kind: 'csv', format: 'chrome-csv' };
  }
  if (header.length < 2) {
    throw new ImportFileError(
      'This file has a single column, so it is not a password export. A CSV export has several columns (such as title, username, password), separated by commas, semicolons or tabs.',
    );
  }
  return { kind: 'csv', format: 'generic-csv' };
}

/** A title and a type, and every other column either one of the plain ones or "label(key)". */
function isOnePassword7Mac(header: readonly string[]): boolean {
  return header.includes('title') && header.includes('type')
    && header.every((column) => ONEPASSWORD7_MAC_PLAIN.has(column) || /^.+\([a-z0-9_]+\)$/.test(column));
}

function detectJson(text: string): DetectedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's own message quotes part of the file, which may be a password: say it in our words.
    throw new ImportFileError('This file starts like JSON but is not valid JSON. It may be damaged or cut short.');
  }
  const document = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (document?.encrypted === true || document?.passwordProtected === true) {
    throw new ImportFileError(
      'This Bitwarden export is encrypted, so Sealpass cannot read it. In Bitwarden, export again choosing ".json" or ".csv" (not encrypted), import that, then delete it.',
    );
  }
  if (document?.format === 'sealpass-export') {
    throw new ImportFileError('This is an encrypted Sealpass export, not a file from another password manager: restore it from the Export section with its passphrase.');
  }
  if (!document || !Array.isArray(document.items)) {
    throw new ImportFileError('This JSON file is not a Bitwarden export: it has no "items" list. Sealpass reads JSON only from Bitwarden; export other managers as CSV.');
  }
  return { kind: 'json', format: 'bitwarden-json', data };
}
