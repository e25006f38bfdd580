/** The loop every CSV importer shares: each record through its mapper and buildImportRow, problems kept in row order. */
import { buildImportRow, type RawColumns, type RawRow } from './build-import-row';
import type { CsvTable, ImportProblem, MappedImport } from '../../import-types';

/** What a format's mapper makes of one record: its values (`null`: skipped, a problem says why), and problems it found itself. */
export interface RecordValues {
  raw: RawRow | null;
  problems?: ImportProblem[];
}

/**
 * @param table - the parsed file; its own (unreadable-row) problems are carried over
 * @param toRaw - picks one record's values from its cells
 * @param columns - the column each value comes from, to name it in problems
 * @returns the importable rows and every problem, ordered by row
 */
export function mapCsvRecords(table: CsvTable, toRaw: (cells: readonly string[], row: number) => RecordValues, columns: RawColumns): MappedImport {
  const result: MappedImport = { rows: [], problems: [...table.problems] };
  for (const record of table.records) {
    const values = toRaw(record.cells, record.row);
    result.problems.push(...(values.problems ?? []));
    if (values.raw === null) continue;
    const built = buildImportRow(record.row, values.raw, columns);
    if (built.entry) result.rows.push(built.entry);
    result.problems.push(...built.problems);
  }
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}
