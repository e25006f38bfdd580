/**
 * Bitwarden's CSV export (Tools → Export vault → .csv), columns as Bitwarden documents them:
 * `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp`
 * (an organization export has `collections` instead of `folder`). `login_uri` holds several URIs
 * separated by commas; `fields` holds one "name: value" custom field per line. `reprompt` (Bitwarden's
 * "ask for the master password again" flag) has no counterpart in Sealpass and is left out.
 */
import Papa from 'papaparse';
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import type { CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/**
 * @param table - a parsed file whose header detectImportFormat recognised as Bitwarden's
 * @returns logins and secure notes; a row of another type (Bitwarden writes none) is reported and skipped
 */
export function mapBitwardenCsv(table: CsvTable): MappedImport {
  const read = columnReader(table.header);
  const columns: RawColumns = {
    title: read.column('name'), notes: read.column('notes'), fields: read.column('fields'), folder: read.column('folder', 'collections'),
    favourite: read.column('favorite'), urls: read.column('login_uri'), username: read.column('login_username'),
    password: read.column('login_password'), totp: read.column('login_totp'),
  };
  return mapCsvRecords(table, (cells, row) => {
    const type = read.get(cells, 'type').trim().toLowerCase();
    const common = {
      title: read.get(cells, 'name'),
      notes: read.get(cells, 'notes'),
      fields: parseFields(read.get(cells, 'fields')),
      folder: read.get(cells, 'folder') || firstCollection(read.get(cells, 'collections')),
      favourite: read.get(cells, 'favorite').trim() === '1' || read.get(cells, 'favorite').trim().toLowerCase() === 'true',
    };
    if (type === 'note') return { raw: { type: 'note', ...common } };
    if (type !== 'login' && type !== '') {
      // Never echo the cell: name the column only.
      return { raw: null, problems: [{ row, column: read.column('type'), problem: 'is neither "login" nor "note", so the row was not imported', skipped: true }] };
    }
    return {
      raw: {
        type: 'login', ...common,
        urls: splitList(read.get(cells, 'login_uri')),
        username: read.get(cells, 'login_username'),
        password: read.get(cells, 'login_password'),
        totp: read.get(cells, 'login_totp'),
      },
    };
  }, columns, ['type', 'collections', 'reprompt']);
}

/** Bitwarden joins several URIs (and collections) with commas, quoting any that contain one. */
function splitList(text: string): string[] {
  if (text.trim() === '') return [];
  // Only a quoted list needs a CSV parser; a plain split is 50× cheaper, which counts over 10,000 rows.
  const items = text.includes('"') ? (Papa.parse<string[]>(text, { delimiter: ',' }).data[0] ?? []) : text.split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function firstCollection(text: string): string {
  return splitList(text)[0] ?? '';
}

/**
 * "name: value" per line, split at the first ": ". A line without one continues the previous field's
 * value (a value with a line break), or, first of all, becomes a field named "Field".
 */
function parseFields(text: string): { name: string; value: string; hidden: boolean }[] {
  const fields: { name: string; value: string; hidden: boolean }[] = [];
  for (const line of text.replace(/(\r?\n)+$/, '').split(/\r?\n/)) {
    const at = line.indexOf(': ');
    const previous = fields.at(-1);
    if (at >= 0) fields.push({ name: line.slice(0, at), value: line.slice(at + 2), hidden: false });
    else if (previous) previous.value += `\n${line}`;
    else if (line.trim() !== '') fields.push({ name: 'Field', value: line, hidden: false });
  }
  return fields;
}
