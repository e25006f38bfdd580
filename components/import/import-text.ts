/** Words of the import screen: a problem by row and column (never a value), and the result summary. */
import type { ImportProblem } from '../../lib/import/import-types';

/**
 * @param unit - 'row' for CSV (spreadsheet row numbers), 'item' for a Bitwarden JSON
 * @example problemText({ row: 5, column: 'login_password', problem: 'is longer than 4,096 characters, so the row was not imported', skipped: true }, 'row')
 *   // 'Row 5, column “login_password”: is longer than 4,096 characters, so the row was not imported.'
 */
export function problemText(problem: ImportProblem, unit: 'row' | 'item'): string {
  const where = `${unit === 'row' ? 'Row' : 'Item'} ${problem.row}`;
  const column = problem.column === undefined ? '' : `, ${unit === 'row' ? 'column' : 'field'} “${problem.column}”`;
  return `${where}${column}: ${problem.problem}.`;
}

/** What an import did, in one sentence per part; zero parts are left out. */
export interface ImportOutcome {
  added: number;
  replaced: number;
  /** Duplicates the user chose to skip. */
  skipped: number;
  /** Rows that could not be imported (problems). */
  failed: number;
  /** Rows left out on purpose (notices: not items, such as Firefox's sync-account entry). */
  leftOut: number;
}

/**
 * @example summaryText({ added: 3, replaced: 1, skipped: 2, failed: 0, leftOut: 0 }) // 'Imported 4 items: 3 new, 1 replaced. Skipped 2 duplicates.'
 */
export function summaryText({ added, replaced, skipped, failed, leftOut }: ImportOutcome): string {
  const items = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'item' : 'items'}`;
  const parts = [`Imported ${items(added + replaced)}${replaced > 0 ? `: ${added.toLocaleString('en')} new, ${replaced.toLocaleString('en')} replaced` : ''}.`];
  if (skipped > 0) parts.push(`Skipped ${skipped.toLocaleString('en')} ${skipped === 1 ? 'duplicate' : 'duplicates'}.`);
  if (failed > 0) parts.push(`${failed.toLocaleString('en')} ${failed === 1 ? 'row' : 'rows'} could not be imported.`);
  if (leftOut > 0) parts.push(`Left out ${leftOut.toLocaleString('en')} ${leftOut === 1 ? 'row that is' : 'rows that are'} not an item to import.`);
  return parts.join(' ');
}
