/**
 * 1Password 8's CSV export (File → Export → CSV), columns
 * `Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes`. Tags are comma-separated;
 * an archived item is imported with the tag "archived" so it can be found and deleted.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** @param table - a parsed file whose header detectImportFormat recognised as 1Password's */
export function map1PasswordCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    title: read.column('title'), urls: read.column('url'), username: read.column('username'), password: read.column('password'),
    totp: read.column('otpauth'), favourite: read.column('favorite'), tags: read.column('tags'), notes: read.column('notes'),
  };
  const isTrue = (text: string) => ['true', '1', 'yes'].includes(text.trim().toLowerCase());
  return mapCsvRecords(table, (cells) => ({
    raw: {
      title: read.get(cells, 'title'),
      urls: [read.get(cells, 'url')],
      username: read.get(cells, 'username'),
      password: read.get(cells, 'password'),
      totp: read.get(cells, 'otpauth'),
      favourite: isTrue(read.get(cells, 'favorite')),
      tags: [...read.get(cells, 'tags').split(','), ...(isTrue(read.get(cells, 'archived')) ? ['archived'] : [])],
      notes: read.get(cells, 'notes'),
    },
  }), columns, ['archived']);
}
