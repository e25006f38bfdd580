/**
 * The loop every CSV importer shares: each record through its mapper and buildImportRow, problems kept in
 * row order. A column the mapper neither reads nor leaves out on purpose is never dropped: each non-empty
 * cell under it becomes a custom field named after the column, as in the generic mapping (hidden when the
 * name or the value says it is a secret).
 */
import { buildImportRow, type RawColumns, type RawRow } from './build-import-row';
import { customField } from './custom-field';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';

/** What a format's mapper makes of one record: its values (`null`: skipped, a problem says why), and problems it found itself. */
export interface RecordValues {
  raw: RawRow | null;
  problems?: ImportProblem[];
}

/**
 * @param table - the parsed file; its own (unreadable-row) problems are carried over
 * @param toRaw - picks one record's values from its cells
 * @param columns - the column each value comes from, to name it in problems; these columns count as read
 * @param consumed - further columns the mapper reads or leaves out on purpose (bookkeeping such as a GUID),
 *   by name, any case; every other column is kept as custom fields
 * @returns the importable rows and every problem, ordered by row
 */
export function mapCsvRecords(
  table: CsvTable,
  toRaw: (cells: readonly string[], row: number) => RecordValues,
  columns: RawColumns,
  consumed: readonly string[] = [],
): MappedImport {
  const known = new Set([...Object.values(columns), ...consumed].flatMap((name) => (name === undefined ? [] : [name.trim().toLowerCase()])));
  const others = table.header.flatMap((name, index) => (known.has(name.toLowerCase()) ? [] : [{ index, name: name || `Column ${index + 1}` }]));
  const result: MappedImport = { rows: [], problems: [...table.problems] };
  for (const record of table.records) {
    const values = toRaw(record.cells, record.row);
    result.problems.push(...(values.problems ?? []));
    if (values.raw === null) continue;
    const kept = others.flatMap(({ index, name }) => {
      const value = record.cells[index] ?? '';
      return value.trim() === '' ? [] : [customField(name, value)];
    });
    const raw = kept.length === 0 ? values.raw : { ...values.raw, fields: [...(values.raw.fields ?? []), ...kept] };
    const built = buildImportRow(record.row, raw, columns);
    if (built.entry) result.rows.push(built.entry);
    result.problems.push(...built.problems);
  }
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}
