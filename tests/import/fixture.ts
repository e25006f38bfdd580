/** Reads the import fixtures in tests/fixtures/import (see its README for each file's source). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportRow } from '../../lib/import/import-types';
import { readImportFile, type ReadImport } from '../../lib/import/page/read-import-file';
import type { ColumnMapping } from '../../lib/import/import-types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

/** The fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)));
}

/** The fixture through the whole reading step (decode, detect, parse, map). */
export function readFixture(name: string, mapping?: ColumnMapping): ReadImport {
  return readImportFile(fixtureBytes(name), mapping);
}

/** The content of the row numbered `row` (fails the test when it was not imported). */
export function contentOfRow(read: ReadImport, row: number): ImportRow['content'] {
  const found = read.result.rows.find((entry) => entry.row === row);
  if (!found) throw new Error(`row ${row} was not imported`);
  return found.content;
}

type Login = Extract<ImportRow['content'], { type: 'login' }>;
type Note = Extract<ImportRow['content'], { type: 'note' }>;

/** A validated login as an importer outputs it: every default filled, `overrides` on top. */
export function importedLogin(overrides: Partial<Login>): Login {
  return {
    type: 'login', title: '', notes: '', fields: [], folder: '', tags: [], favourite: false,
    username: '', password: '', urls: [], totp: '', match: 'origin', ...overrides,
  };
}

/** A validated secure note as an importer outputs it. */
export function importedNote(overrides: Partial<Note>): Note {
  return { type: 'note', title: '', notes: '', fields: [], folder: '', tags: [], favourite: false, ...overrides };
}
