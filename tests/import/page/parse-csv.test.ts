/** parseCsv: RFC 4180 quoting through papaparse, delimiters, row numbers as a spreadsheet counts them, unreadable rows. */
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../lib/import/import-types';
import { parseCsv } from '../../../lib/import/page/parse-csv';

describe('parseCsv', () => {
  it('keeps quoted commas, doubled quotes and line breaks (CRLF and LF) inside one field', () => {
    const table = parseCsv('a,b,c\r\n"x, y","say ""hi""","l1\r\nl2\nl3"\r\n');
    expect(table).toEqual({ header: ['a', 'b', 'c'], records: [{ row: 2, cells: ['x, y', 'say "hi"', 'l1\r\nl2\nl3'] }], problems: [] });
  });

  it('numbers rows as a spreadsheet does: a multi-line record is one row, blank lines count but are skipped', () => {
    const table = parseCsv('a,b\n"1\n1",x\n\n3,y\n,\n');
    expect(table.records).toEqual([{ row: 2, cells: ['1\n1', 'x'] }, { row: 4, cells: ['3', 'y'] }]);
  });

  it('guesses semicolons, tabs and bars', () => {
    expect(parseCsv('a;b\n1;2\n').records[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2\n').records[0]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a|b\n1|2\n').records[0]!.cells).toEqual(['1', '2']);
  });

  it('trims header names, keeps cells exactly (a password may end in a space)', () => {
    expect(parseCsv(' a , b \n x , y \n')).toMatchObject({ header: ['a', 'b'], records: [{ cells: [' x ', ' y '] }] });
  });

  it('drops empty trailing cells past the header (spreadsheet padding)', () => {
    expect(parseCsv('a,b\n1,2,,\n').records).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('reports rows with too many or too few fields by number, and keeps the others', () => {
    const table = parseCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\nx,y,z\n');
    expect(table.records.map((r) => r.row)).toEqual([2, 5]);
    expect(table.problems).toEqual([
      { row: 3, problem: 'has 2 fields, but the header has 3', skipped: true },
      { row: 4, problem: 'has 4 fields, but the header has 3', skipped: true },
    ]);
  });

  it('reports an unclosed quoted field, which swallows the rest of the file, without quoting it', () => {
    const table = parseCsv('a,b\n1,ok\n2,"never closed\n3,lost\n');
    expect(table.records).toEqual([{ row: 2, cells: ['1', 'ok'] }]);
    expect(table.problems).toEqual([
      { row: 3, problem: 'a quoted field is not closed properly, so this row and everything after it could not be read', skipped: true },
    ]);
    expect(JSON.stringify(table.problems)).not.toContain('never');
  });

  it('a stray quote after a quoted field also swallows the rest: the row says so', () => {
    const table = parseCsv('a,b\n1,ok\n2,"bad"x\n3,y\n');
    expect(table.records).toEqual([{ row: 2, cells: ['1', 'ok'] }]);
    expect(table.problems).toEqual([
      { row: 3, problem: 'a quoted field is not closed properly, so this row and everything after it could not be read', skipped: true },
    ]);
  });

  it('a stray quote that a later quote closes again: the row is reported as malformed, the next rows still read', () => {
    const table = parseCsv('a,b\n"bad"x,"y"\n3,z\n');
    expect(table.records).toEqual([{ row: 3, cells: ['3', 'z'] }]);
    expect(table.problems).toEqual([{ row: 2, problem: 'a quoted field is malformed (a quote inside it is not doubled)', skipped: true }]);
  });

  it('a quote inside an unquoted field is kept as it is', () => {
    expect(parseCsv('a,b\n1,x"y"z\n').records).toEqual([{ row: 2, cells: ['1', 'x"y"z'] }]);
  });

  it('refuses an empty or unreadable header', () => {
    expect(() => parseCsv(',,\n1,2,3\n')).toThrow(ImportFileError);
    expect(() => parseCsv('"a,b\n1,2\n')).toThrow('cannot be read');
  });

  it('CR CR LF line ends (LastPass) are one line end: rows keep their numbers and no cell starts with a line break', () => {
    const table = parseCsv('a,b\r\r\n1,x\r\r\n2,y\r\r\n');
    expect(table).toEqual({ header: ['a', 'b'], records: [{ row: 2, cells: ['1', 'x'] }, { row: 3, cells: ['2', 'y'] }], problems: [] });
  });

  describe('backslash escapes (1Password 7 for Mac)', () => {
    it('\\" inside a quoted field is a quote, over line breaks too; the RFC reading is not used when it loses rows', () => {
      const table = parseCsv('a,b,\n"say \\"hi\\"","{(\n    \\"Starter Kit\\"\n)}",\n"2","y",\n', 'backslash');
      expect(table.records).toEqual([{ row: 2, cells: ['say "hi"', '{(\n    "Starter Kit"\n)}', ''] }, { row: 3, cells: ['2', 'y', ''] }]);
      expect(table.problems).toEqual([]);
    });

    it('a doubled quote still reads as one quote: the reading that keeps every row wins', () => {
      expect(parseCsv('a,b\n"x""y",z\n1,2\n', 'backslash').records).toEqual([{ row: 2, cells: ['x"y', 'z'] }, { row: 3, cells: ['1', '2'] }]);
    });

    it('a value ending in a backslash does not swallow the rest of the file', () => {
      expect(parseCsv('a,b\n"C:\\dir\\",z\n1,2\n', 'backslash').records).toEqual([{ row: 2, cells: ['C:\\dir\\', 'z'] }, { row: 3, cells: ['1', '2'] }]);
    });

    it('without the option a backslash is an ordinary character', () => {
      expect(parseCsv('a,b\n"x\\",z\n').records).toEqual([{ row: 2, cells: ['x\\', 'z'] }]);
    });
  });
});
