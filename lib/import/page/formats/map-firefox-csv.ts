/**
 * Firefox's password CSV (about:logins → … → Export Passwords), columns
 * `"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"`,
 * times in ms since epoch; the password's change time also starts its rotation clock. It has no title:
 * the site's host becomes one. An HTTP-authentication login keeps its realm as a custom field. A profile
 * signed in to a Mozilla account exports a row for `chrome://FirefoxAccounts` whose "password" is the
 * account's sync keys: it is not a login, so it is left out with a notice. The form's origin, the GUID and
 * the last-use time are Firefox's bookkeeping and are left out.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** The URL of the row Firefox writes for its own Mozilla (sync) account. */
const SYNC_ACCOUNT_URL = /^chrome:\/\/FirefoxAccounts\b/i;

/** @param table - a parsed file whose header detectImportFormat recognised as Firefox's */
export function mapFirefoxCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    urls: read.column('url'), username: read.column('username'), password: read.column('password'),
    createdAt: read.column('timeCreated'), updatedAt: read.column('timePasswordChanged'), passwordChangedAt: read.column('timePasswordChanged'),
    fields: read.column('httpRealm'),
  };
  return mapCsvRecords(table, (cells, row) => {
    const problems: ImportProblem[] = [];
    if (SYNC_ACCOUNT_URL.test(read.get(cells, 'url').trim())) {
      return {
        raw: null,
        problems: [{
          row, column: read.column('url'), skipped: true, notice: true,
          problem: 'is Firefox’s own Mozilla account entry (the keys Firefox Sync uses, not a website login), so it was left out',
        }],
      };
    }
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
    const realm = read.get(cells, 'httpRealm');
    return {
      raw: {
        type: 'login',
        urls: [read.get(cells, 'url')],
        username: read.get(cells, 'username'),
        password: read.get(cells, 'password'),
        fields: realm.trim() === '' ? [] : [{ name: 'HTTP realm', value: realm, hidden: false }],
        ...(createdAt === undefined ? {} : { createdAt }),
        ...(updatedAt === undefined ? {} : { updatedAt, passwordChangedAt: updatedAt }),
      },
      problems,
    };
  }, columns, ['formActionOrigin', 'guid', 'timeLastUsed']);
}
