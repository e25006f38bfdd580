/**
 * KeePassXC's CSV export (Database → Export → CSV File), columns
 * `"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"` (versions
 * before 2.7 stop after "Notes"). Every group path starts with the root group ("Root/Email"); that
 * shared first part is dropped, so "Root/Email" becomes the folder "Email". "Last Modified" also starts the
 * password's age (Health), the icon number is left out.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** @param table - a parsed file whose header detectImportFormat recognised as KeePassXC's */
export function mapKeePassXcCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    folder: read.column('group'), title: read.column('title'), username: read.column('username'), password: read.column('password'),
    urls: read.column('url'), notes: read.column('notes'), totp: read.column('totp'),
    updatedAt: read.column('last modified'), createdAt: read.column('created'), passwordChangedAt: read.column('last modified'),
  };
  const root = sharedRoot(table.records.map((record) => read.get(record.cells, 'group')));
  return mapCsvRecords(table, (cells, row) => {
    const problems: ImportProblem[] = [];
    /** An ISO 8601 time column as ms since epoch; an unreadable one is reported and the import time used. */
    const time = (name: string): number | undefined => {
      const text = read.get(cells, name).trim();
      if (text === '') return undefined;
      const value = Date.parse(text);
      if (Number.isFinite(value) && value >= 0) return value;
      problems.push({ row, column: read.column(name), problem: 'is not a date and time; the import time was used instead', skipped: false });
      return undefined;
    };
    const group = read.get(cells, 'group').trim();
    const createdAt = time('created');
    const updatedAt = time('last modified');
    return {
      raw: {
        type: 'login',
        folder: root === null ? group : group.slice(root.length + 1),
        title: read.get(cells, 'title'),
        username: read.get(cells, 'username'),
        password: read.get(cells, 'password'),
        urls: [read.get(cells, 'url')],
        notes: read.get(cells, 'notes'),
        totp: read.get(cells, 'totp'),
        ...(createdAt === undefined ? {} : { createdAt }),
        // The CSV has no password date; the entry's last change is the latest the password can have been set.
        ...(updatedAt === undefined ? {} : { updatedAt, passwordChangedAt: updatedAt }),
      },
      problems,
    };
  }, columns, ['icon']);
}

/** The first path segment every group shares (the root group's name), or null when they do not share one. */
function sharedRoot(groups: readonly string[]): string | null {
  const firsts = new Set(groups.map((group) => group.trim().split('/')[0] ?? ''));
  const [only] = firsts;
  return firsts.size === 1 && only !== undefined && only !== '' ? only : null;
}
