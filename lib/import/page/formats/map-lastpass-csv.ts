/**
 * LastPass's CSV export (Advanced options → Export), columns `url,username,password,totp,extra,name,grouping,fav`.
 * A secure note has the URL "http://sn" and its text in `extra`; `grouping` is the folder. A typed secure
 * note (credit card, bank account, SSH key, Wi-Fi, software licence, address, custom types) holds its
 * details as `Key:Value` lines after `NoteType:<type>`, then `Notes:` and the free text: each detail becomes
 * a custom field (hidden for secrets such as the card number, security code, PIN, passphrase, private key),
 * the text after `Notes:` the notes. LastPass writes "http://" for a login without an address: it is empty.
 */
import type { RawColumns } from './build-import-row';
import { columnReader } from './column-reader';
import { customField, type CustomField } from './custom-field';
import type { CsvTable, MappedImport } from '../../import-types';
import { mapCsvRecords } from './map-csv-records';

/** LastPass's marker URL for a secure note. */
const SECURE_NOTE_URL = 'http://sn';
/** Details that are bookkeeping of the note form, not data. */
const FORM_DETAILS = new Set(['language']);

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
    if (url.toLowerCase() === SECURE_NOTE_URL) return { raw: { type: 'note', ...common, ...splitTypedNote(common.notes) } };
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

/**
 * A typed note's details as fields and its free text as notes; a note without `NoteType:` is left as it is.
 * A line without a colon continues the detail before it (a private key spans lines); everything after
 * the `Notes:` line is the free text, whatever it holds.
 */
function splitTypedNote(text: string): { notes: string; fields: CustomField[] } | Record<string, never> {
  const lines = text.split(/\r?\n/);
  const type = /^NoteType:(.*)$/.exec(lines[0] ?? '');
  if (!type) return {};
  // A custom type is named by an id ("Custom_657088934083173965"), which says nothing to a person.
  const details: { name: string; value: string }[] = /^Custom_\d+$/.test(type[1]!.trim()) ? [] : [{ name: 'Note type', value: type[1]!.trim() }];
  let notes = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('Notes:')) {
      notes = [line.slice('Notes:'.length), ...lines.slice(i + 1)].join('\n');
      break;
    }
    const colon = line.indexOf(':');
    const previous = details.at(-1);
    if (colon > 0) details.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1) });
    else if (previous) previous.value += `\n${line}`;
    else details.push({ name: 'Details', value: line });
  }
  const fields = details.flatMap(({ name, value }) =>
    // LastPass writes an empty date as "," or ",,": nothing to keep.
    FORM_DETAILS.has(name.toLowerCase()) || value.replace(/[\s,]/g, '') === '' ? [] : [customField(name, value)],
  );
  return { notes, fields };
}
