/**
 * The shapes every importer shares: the formats, a parsed CSV table, the rows an import produces and the
 * problems it reports. A problem names the row and the column, never a value (it may be a password).
 */
import type { ImportContent } from '../vault/model/import-entry';

/** Every format the import reads; `generic-csv` is any other CSV whose columns the user maps. */
export type ImportFormat =
  | 'bitwarden-csv'
  | 'bitwarden-json'
  | '1password-csv'
  | '1password7-csv'
  | 'lastpass-csv'
  | 'chrome-csv'
  | 'firefox-csv'
  | 'keepassxc-csv'
  | 'generic-csv';

/** What the UI calls each format. */
export const IMPORT_FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = {
  'bitwarden-csv': 'Bitwarden (CSV)',
  'bitwarden-json': 'Bitwarden (JSON, unencrypted)',
  '1password-csv': '1Password (CSV)',
  '1password7-csv': '1Password 7 (CSV, Windows or Mac)',
  'lastpass-csv': 'LastPass (CSV)',
  'chrome-csv': 'Chrome or Edge (CSV)',
  'firefox-csv': 'Firefox (CSV)',
  'keepassxc-csv': 'KeePassXC (CSV)',
  'generic-csv': 'Other CSV or spreadsheet',
};

/**
 * Something wrong with one row. `row` counts as a spreadsheet does (the header is row 1, the first data
 * row is row 2); in a JSON file it is the item's position, from 1. `skipped`: the row is not imported
 * (otherwise it is, and the problem says what was done instead). `notice`: nothing is wrong with the file;
 * the row was left out on purpose (Firefox's sync-account entry), so there is nothing to fix.
 */
export interface ImportProblem {
  row: number;
  column?: string;
  problem: string;
  skipped: boolean;
  notice?: true;
}

/** One importable row: its number and its validated content. */
export interface ImportRow {
  row: number;
  content: ImportContent;
}

/** What a mapper produces: the importable rows, and the problems of the others. */
export interface MappedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** One CSV record after the header, with its spreadsheet row number. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** A parsed CSV file: the header's cells (trimmed), the records with as many cells, and unreadable rows. */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  problems: ImportProblem[];
}

/** A file that cannot be imported at all (empty, binary, HTML, JSON of another kind); the message says why. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** The item fields a generic CSV's columns can be mapped to, in the order the UI lists them. */
export const MAPPED_FIELDS = ['title', 'username', 'password', 'url', 'notes', 'totp', 'folder'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Which column (index into the header) fills each field; `null` leaves the field empty. */
export type ColumnMapping = Record<MappedField, number | null>;
