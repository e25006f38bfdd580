/** decodeImportText: UTF-8 with and without BOM, UTF-16 with BOM, Windows-1252, and what is not text. */
import { describe, expect, it } from 'vitest';
import { decodeImportText, MAX_IMPORT_BYTES } from '../../../lib/import/page/decode-import-text';
import { ImportFileError } from '../../../lib/import/import-types';
import { fixtureBytes } from '../fixture';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeImportText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeImportText(utf8('name,url\nZürich,x'))).toEqual({ text: 'name,url\nZürich,x', encoding: 'utf-8' });
    expect(decodeImportText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]))).toEqual({ text: 'a,b', encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian with their BOM (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'a,ü'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...'a,ü'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeImportText(le)).toEqual({ text: 'a,ü', encoding: 'utf-16le' });
    expect(decodeImportText(be)).toEqual({ text: 'a,ü', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeImportText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x80]))).toEqual({ text: 'Café,€', encoding: 'windows-1252' });
  });

  const refused: [string, Uint8Array, string][] = [
    ['an empty file', fixtureBytes('bad/empty.csv'), 'The file is empty.'],
    ['blank lines only', fixtureBytes('bad/blank.csv'), 'The file is empty.'],
    ['a PNG image', fixtureBytes('bad/image.png'), 'This is not a text file: it holds binary data.'],
    ['an .xlsx spreadsheet (ZIP)', fixtureBytes('bad/spreadsheet.xlsx'), 'This is a ZIP archive'],
    ['a PDF', utf8('%PDF-1.7\n'), 'This is a PDF document'],
  ];
  it.each(refused)('refuses %s with a clear message', (_name, bytes, message) => {
    expect(() => decodeImportText(bytes)).toThrow(ImportFileError);
    expect(() => decodeImportText(bytes)).toThrow(message);
  });

  it('refuses a file over 64 MiB before reading it', () => {
    const huge = { length: MAX_IMPORT_BYTES + 1 } as Uint8Array;
    expect(() => decodeImportText(huge)).toThrow('larger than 64 MB');
  });
});
