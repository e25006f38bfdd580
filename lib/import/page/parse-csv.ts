/**
 * Reads CSV text with papaparse (RFC 4180 quoting: commas, quotes and line breaks inside quoted fields,
 * CRLF or LF, a leading BOM), guessing the delimiter among comma, semicolon, tab and bar as spreadsheets
 * in different locales write them. Rows that cannot be read are reported by number, never by content.
 * Two writers' quirks are undone: LastPass ends lines with CR CR LF, and 1Password 7 for Mac escapes a
 * quote inside a quoted field with a backslash (`\"`) instead of doubling it.
 */
import Papa from 'papaparse';
import { guessDelimiter } from './guess-delimiter';
import { ImportFileError, type CsvRecord, type CsvTable, type ImportProblem } from '../import-types';

/** How quotes inside quoted fields are escaped: doubled (RFC 4180), or with a backslash (1Password 7 for Mac). */
export type CsvEscapes = 'doubled' | 'backslash';

/**
 * @param text - the decoded file (decodeImportText)
 * @param escapes - `backslash` for 1Password 7 for Mac: the file is read both ways and the reading with
 *   fewer unreadable rows is kept (a backslash reading fails on a doubled quote `""` and on a value that
 *   ends in a backslash, `"C:\dir\"`, which would otherwise swallow the rest of the file)
 * @returns the header (first row, cells trimmed), every other non-blank row whose field count matches
 *   the header, and a problem for each row that does not (`skipped`)
 * @throws ImportFileError when the first row holds nothing or cannot be read
 * @example parseCsv('name,url\r\n"A, B",https://a.example\r\n').records // [{ row: 2, cells: ['A, B', 'https://a.example'] }]
 */
export function parseCsv(text: string, escapes: CsvEscapes = 'doubled'): CsvTable {
  // CR CR LF (LastPass) would be read as two line ends, an empty record between every two rows.
  const normalised = text.replace(/\r\r\n/g, '\r\n');
  const doubled = readTable(normalised, '"');
  if (escapes === 'doubled') return doubled;
  let backslash: CsvTable;
  try {
    backslash = readTable(normalised, '\\');
  } catch {
    return doubled;
  }
  // More records read wins (an unclosed field loses every later row but reports one problem); then fewer problems.
  const records = backslash.records.length - doubled.records.length;
  return records > 0 || (records === 0 && backslash.problems.length <= doubled.problems.length) ? backslash : doubled;
}

function readTable(text: string, escapeChar: string): CsvTable {
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false, escapeChar });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((cell) => cell.trim());
  if (header.every((cell) => cell === '')) throw new ImportFileError('The first row, which should name the columns, is empty.');

  // papaparse reports quoting errors by the index of the row they occur in. An unclosed field swallows the
  // rest of the file into that row, so that is what the row's problem says when it happened.
  const quoteErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    if (error.code === 'MissingQuotes') quoteErrors.set(error.row, 'a quoted field is not closed properly, so this row and everything after it could not be read');
    else if (!quoteErrors.has(error.row)) quoteErrors.set(error.row, 'a quoted field is malformed (a quote inside it is not doubled)');
  }

  if (quoteErrors.has(0)) throw new ImportFileError(`The first row, which should name the columns, cannot be read: ${quoteErrors.get(0)}.`);

  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((raw, index) => {
    if (index === 0) return;
    const row = index + 1;
    const quoteError = quoteErrors.get(index);
    if (quoteError !== undefined) {
      problems.push({ row, problem: quoteError, skipped: true });
      return;
    }
    if (raw.every((cell) => cell.trim() === '')) return;
    // Spreadsheets often pad rows with empty trailing cells; only the ones past the header are dropped.
    const cells = raw.length > header.length && raw.slice(header.length).every((cell) => cell.trim() === '') ? raw.slice(0, header.length) : raw;
    if (cells.length !== header.length) {
      problems.push({ row, problem: `has ${cells.length} fields, but the header has ${header.length}`, skipped: true });
      return;
    }
    records.push({ row, cells });
  });
  return { header, records, problems };
}
