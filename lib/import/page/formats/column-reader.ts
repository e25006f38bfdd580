/** Finds a CSV's columns by name the way exports are read: case and surrounding spaces do not matter. */

/** Reads one record's cells by column name. */
export interface ColumnReader {
  /** The cell under the first column with one of `names`, or '' when there is none. */
  get(cells: readonly string[], ...names: string[]): string;
  /** The column's name as the file spells it, for problems; `undefined` when there is none. */
  column(...names: string[]): string | undefined;
}

/**
 * @param header - the header row's cells
 * @example columnReader(['Title', 'URL']).get(['Mail', 'https://m.example'], 'url') // 'https://m.example'
 */
export function columnReader(header: readonly string[]): ColumnReader {
  const indexOf = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!indexOf.has(key)) indexOf.set(key, index);
  });
  const find = (names: string[]) => {
    for (const name of names) {
      const index = indexOf.get(name.toLowerCase());
      if (index !== undefined) return index;
    }
    return undefined;
  };
  return {
    get(cells, ...names) {
      const index = find(names);
      return index === undefined ? '' : (cells[index] ?? '');
    },
    column(...names) {
      const index = find(names);
      return index === undefined ? undefined : header[index];
    },
  };
}
