/**
 * The whole reading step of an import, run in the vault page (which holds no keys): bytes → text →
 * format → rows and problems. Nothing here touches the vault; the background only receives the result.
 */
import { decodeImportText, type DecodedText } from './decode-import-text';
import { detectImportFormat } from './detect-import-format';
import { guessColumnMapping } from './guess-column-mapping';
import { ImportFileError, type ColumnMapping, type CsvTable, type ImportFormat, type MappedImport } from '../import-types';
import { map1PasswordCsv } from './formats/map-1password-csv';
import { map1Password7Csv } from './formats/map-1password7-csv';
import { mapBitwardenCsv } from './formats/map-bitwarden-csv';
import { mapBitwardenJson } from './formats/map-bitwarden-json';
import { mapChromeCsv } from './formats/map-chrome-csv';
import { mapFirefoxCsv } from './formats/map-firefox-csv';
import { mapGenericColumns } from './formats/map-generic-columns';
import { mapKeePassXcCsv } from './formats/map-keepassxc-csv';
import { mapLastPassCsv } from './formats/map-lastpass-csv';
import { parseCsv } from './parse-csv';

/** A file that was read: its format and encoding, for a CSV its table (the generic mapping needs it), and the rows. */
export interface ReadImport {
  format: ImportFormat;
  encoding: DecodedText['encoding'];
  /** The parsed CSV; `null` for JSON. */
  table: CsvTable | null;
  /** The mapping used for a generic CSV (guessed unless given); `null` for every known format. */
  mapping: ColumnMapping | null;
  /** How the UI names a row: spreadsheet rows, or JSON items. */
  unit: 'row' | 'item';
  result: MappedImport;
}

const CSV_MAPPERS: Readonly<Record<Exclude<ImportFormat, 'bitwarden-json' | 'generic-csv'>, (table: CsvTable) => MappedImport>> = {
  'bitwarden-csv': mapBitwardenCsv,
  '1password-csv': map1PasswordCsv,
  '1password7-csv': map1Password7Csv,
  'lastpass-csv': mapLastPassCsv,
  'chrome-csv': mapChromeCsv,
  'firefox-csv': mapFirefoxCsv,
  'keepassxc-csv': mapKeePassXcCsv,
};

/**
 * @param bytes - the file's content (File.arrayBuffer())
 * @param mapping - for a generic CSV, the user's column mapping; guessed from the header when omitted
 * @returns the format, the importable rows and every problem by row
 * @throws ImportFileError with a message for the user when the file cannot be imported at all: empty,
 *   binary, HTML, JSON that is not an unencrypted Bitwarden export, no rows after the header
 * @example const read = readImportFile(new Uint8Array(await file.arrayBuffer()));
 */
export function readImportFile(bytes: Uint8Array, mapping?: ColumnMapping): ReadImport {
  const { text, encoding } = decodeImportText(bytes);
  const detected = detectImportFormat(text);
  if (detected.kind === 'json') {
    const result = mapBitwardenJson(detected.data);
    if (result.rows.length === 0 && result.problems.length === 0) throw new ImportFileError('This Bitwarden export holds no items.');
    return { format: detected.format, encoding, table: null, mapping: null, unit: 'item', result };
  }
  const table = parseCsv(text, detected.escapes);
  if (table.records.length === 0 && table.problems.length === 0) throw new ImportFileError('The file has a header row but no rows to import.');
  if (detected.format === 'generic-csv') {
    const used = mapping ?? guessColumnMapping(table.header);
    return { format: detected.format, encoding, table, mapping: used, unit: 'row', result: mapGenericColumns(table, used) };
  }
  return { format: detected.format, encoding, table, mapping: null, unit: 'row', result: CSV_MAPPERS[detected.format](table) };
}
