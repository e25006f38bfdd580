/**
 * The rows an import could not take as they were, each named by row and column, never by value; rows left
 * out on purpose (notices, such as Firefox's sync-account entry) are listed too but need no fix.
 */
import { useId } from 'react';
import type { ImportProblem } from '../../lib/import/import-types';
import { problemText } from './import-text';

/** Problems listed before "and N more": a broken 10,000-row file must not render 10,000 list items. */
const SHOWN = 200;

export interface ImportProblemsProps {
  problems: readonly ImportProblem[];
  unit: 'row' | 'item';
}

export function ImportProblems({ problems, unit }: ImportProblemsProps) {
  const headingId = useId();
  if (problems.length === 0) return null;
  const skipped = problems.filter((problem) => problem.skipped && problem.notice === undefined).length;
  const leftOut = problems.filter((problem) => problem.notice !== undefined).length;
  const rows = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? unit : `${unit}s`}`;
  return (
    <section className="import-problems" data-testid="import-problems" aria-labelledby={headingId}>
      <h3 id={headingId}>Problems</h3>
      <p className="hint">
        {skipped > 0
          ? `${rows(skipped)} will not be imported; the others will. Fix the file and import it again to bring in the rest.`
          : leftOut > 0
            ? `${rows(leftOut)} ${leftOut === 1 ? 'is' : 'are'} left out on purpose (nothing to fix); every other ${unit} will be imported.`
            : 'Every row will be imported; these were adjusted.'}
      </p>
      <ul className="problem-list">
        {problems.slice(0, SHOWN).map((problem, index) => (
          <li key={index} className={problem.notice ? 'problem-notice' : problem.skipped ? 'problem-skipped' : 'problem-kept'}>
            {problemText(problem, unit)}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p className="hint">…and {(problems.length - SHOWN).toLocaleString('en')} more.</p>}
    </section>
  );
}
