/**
 * Any other CSV or spreadsheet: the user says which column holds the title, username, password, URL,
 * notes, TOTP secret and folder. Columns left unmapped are not dropped: each non-empty cell becomes a
 * custom field named after its column (hidden when the name suggests a secret, such as "PIN").
 */
import type { RawColumns } from './build-import-row';
import type { ColumnMapping, CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** Column names whose values are secrets: kept as hidden custom fields, masked in the preview. */
export const SECRET_COLUMN_NAME = /pass|pin|secret|key|code|cvv|cvc|token|answer/i;

/**
 * @param table - the parsed file
 * @param mapping - column index per field (guessColumnMapping suggests one)
 * @example mapGenericColumns(table, { title: 0, username: 1, password: 2, url: null, notes: null, totp: null, folder: null })
 */
export function mapGenericColumns(table: CsvTable, mapping: ColumnMapping): MappedImport {
  const inRange = (index: number | null) => (index !== null && index >= 0 && index < table.header.length ? index : null);
  const mapped = new Set(Object.values(mapping).map(inRange).filter((index) => index !== null));
  const nameOf = (index: number | null) => (inRange(index) === null ? undefined : table.header[index!] || `Column ${index! + 1}`);
  const columns: RawColumns = {
    title: nameOf(mapping.title), username: nameOf(mapping.username), password: nameOf(mapping.password), urls: nameOf(mapping.url),
    notes: nameOf(mapping.notes), totp: nameOf(mapping.totp), folder: nameOf(mapping.folder),
  };
  return mapCsvRecords(table, (cells) => {
    const cell = (index: number | null) => {
      const at = inRange(index);
      return at === null ? '' : (cells[at] ?? '');
    };
    const fields = table.header.flatMap((name, index) => {
      const value = cells[index] ?? '';
      if (mapped.has(index) || value.trim() === '') return [];
      const fieldName = name || `Column ${index + 1}`;
      return [{ name: fieldName, value, hidden: SECRET_COLUMN_NAME.test(fieldName) }];
    });
    return {
      raw: {
        title: cell(mapping.title),
        username: cell(mapping.username),
        password: cell(mapping.password),
        urls: [cell(mapping.url)],
        notes: cell(mapping.notes),
        totp: cell(mapping.totp),
        folder: cell(mapping.folder),
        fields,
      },
    };
  }, columns);
}
