/**
 * LastPass's CSV export (Advanced options → Export), columns `url,username,password,totp,extra,name,grouping,fav`.
 * A secure note has the URL "http://sn" and its text in `extra`; `grouping` is the folder.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** LastPass's marker URL for a secure note. */
const SECURE_NOTE_URL = 'http://sn';

/** @param table - a parsed file whose header detectImportFormat recognised as LastPass's */
export function mapLastPassCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    urls: read.column('url'), username: read.column('username'), password: read.column('password'), totp: read.column('totp'),
    notes: read.column('extra'), title: read.column('name'), folder: read.column('grouping'), favourite: read.column('fav'),
  };
  return mapCsvRecords(table, (cells) => {
    const url = read.get(cells, 'url').trim();
    const common = {
      title: read.get(cells, 'name'),
      notes: read.get(cells, 'extra'),
      folder: read.get(cells, 'grouping'),
      favourite: read.get(cells, 'fav').trim() === '1',
    };
    if (url.toLowerCase() === SECURE_NOTE_URL) return { raw: { type: 'note', ...common } };
    return {
      raw: {
        type: 'login', ...common,
        urls: [url],
        username: read.get(cells, 'username'),
        password: read.get(cells, 'password'),
        totp: read.get(cells, 'totp'),
      },
    };
  }, columns);
}
