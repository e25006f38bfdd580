/**
 * Firefox's password CSV (about:logins → … → Export Passwords), columns
 * `"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"`,
 * times in ms since epoch; the password's change time also starts its rotation clock. It has no title:
 * the site's host becomes one.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** @param table - a parsed file whose header detectImportFormat recognised as Firefox's */
export function mapFirefoxCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    urls: read.column('url'), username: read.column('username'), password: read.column('password'),
    createdAt: read.column('timeCreated'), updatedAt: read.column('timePasswordChanged'), passwordChangedAt: read.column('timePasswordChanged'),
  };
  return mapCsvRecords(table, (cells, row) => {
    const problems: ImportProblem[] = [];
    /** A time column as ms since epoch; an unreadable one is reported and the import time used. */
    const time = (name: string): number | undefined => {
      const text = read.get(cells, name).trim();
      if (text === '') return undefined;
      const value = Number(text);
      if (Number.isSafeInteger(value) && value >= 0) return value;
      problems.push({ row, column: read.column(name), problem: 'is not a time in milliseconds; the import time was used instead', skipped: false });
      return undefined;
    };
    const createdAt = time('timeCreated');
    const updatedAt = time('timePasswordChanged');
    return {
      raw: {
        type: 'login',
        urls: [read.get(cells, 'url')],
        username: read.get(cells, 'username'),
        password: read.get(cells, 'password'),
        ...(createdAt === undefined ? {} : { createdAt }),
        ...(updatedAt === undefined ? {} : { updatedAt, passwordChangedAt: updatedAt }),
      },
      problems,
    };
  }, columns);
}
