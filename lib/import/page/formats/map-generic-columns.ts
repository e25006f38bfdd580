/**
 * Any other CSV or spreadsheet: the user says which column holds the title, username, password, URL,
 * notes, TOTP secret and folder. Columns left unmapped are not dropped: each non-empty cell becomes a
 * custom field named after its column, hidden when the name says it is a secret (password, PIN, card or
 * account number, security code, IBAN, SSN…) or the value is a card number that passes the Luhn check.
 * An `otpauth://` link in an unmapped column becomes the item's TOTP when none is mapped.
 */
import type { RawColumns } from './build-import-row';
import { customField, isOtpauthLink } from './custom-field';
import type { ColumnMapping, CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

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
    let totp = cell(mapping.totp);
    const fields = table.header.flatMap((name, index) => {
      const value = cells[index] ?? '';
      if (mapped.has(index) || value.trim() === '') return [];
      if (totp.trim() === '' && isOtpauthLink(value)) {
        totp = value;
        return [];
      }
      return [customField(name || `Column ${index + 1}`, value)];
    });
    return {
      raw: {
        title: cell(mapping.title),
        username: cell(mapping.username),
        password: cell(mapping.password),
        urls: [cell(mapping.url)],
        notes: cell(mapping.notes),
        totp,
        folder: cell(mapping.folder),
        fields,
      },
    };
    // The columns are read here by position (two may share a name), so none is left for mapCsvRecords.
  }, columns, table.header);
}
