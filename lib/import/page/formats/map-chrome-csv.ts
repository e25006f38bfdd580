/**
 * The password CSV of Chrome and Edge (Password Manager → Settings → Export passwords), columns
 * `name,url,username,password` and, since Chrome 118, `note` (detectImportFormat takes a file for Chrome's
 * only when it has no other column). Android app logins have an `android://` URL, kept as a custom field
 * since it is not a web address.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** @param table - a parsed file whose header detectImportFormat recognised as Chrome's */
export function mapChromeCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    title: read.column('name'), urls: read.column('url'), username: read.column('username'), password: read.column('password'), notes: read.column('note'),
  };
  return mapCsvRecords(table, (cells) => ({
    raw: {
      type: 'login',
      title: read.get(cells, 'name'),
      urls: [read.get(cells, 'url')],
      username: read.get(cells, 'username'),
      password: read.get(cells, 'password'),
      notes: read.get(cells, 'note'),
    },
  }), columns);
}
