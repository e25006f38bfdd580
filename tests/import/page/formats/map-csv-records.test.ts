/** mapCsvRecords: a known format's mapper never drops a column silently; what it does not read becomes a custom field. */
import { describe, expect, it } from 'vitest';
import { mapCsvRecords } from '../../../../lib/import/page/formats/map-csv-records';
import { parseCsv } from '../../../../lib/import/page/parse-csv';
import { importedLogin } from '../../fixture';

describe('mapCsvRecords', () => {
  const table = parseCsv('Title,Password,Guid,Card Number,Extra,\n"T","p","{g}","4111111111111111","kept",\n"U","q","","","",\n');
  const toRaw = (cells: readonly string[]) => ({ raw: { title: cells[0]!, password: cells[1]! } });

  it('keeps every column the mapper did not read or leave out as a custom field (secrets hidden), empty cells left out', () => {
    const result = mapCsvRecords(table, toRaw, { title: 'Title', password: 'Password' }, ['guid']);
    expect(result.rows.map((r) => r.content)).toEqual([
      importedLogin({ title: 'T', password: 'p', fields: [{ name: 'Card Number', value: '4111111111111111', hidden: true }, { name: 'Extra', value: 'kept', hidden: false }] }),
      importedLogin({ title: 'U', password: 'q' }),
    ]);
  });

  it('names an unnamed column by its position', () => {
    const unnamed = parseCsv('Title,Password,\nT,p,x\n');
    expect(mapCsvRecords(unnamed, toRaw, { title: 'Title', password: 'Password' }).rows[0]!.content.fields).toEqual([{ name: 'Column 3', value: 'x', hidden: false }]);
  });
});
