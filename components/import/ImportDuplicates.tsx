/**
 * Rows with the same site and username as a login in the vault or an earlier row, each with whether its
 * password is the same and its choice: skip (the default: nothing changes), replace (update that item; its
 * old password goes to the history) or keep both; and one choice for all of them.
 */
import { useId } from 'react';
import type { DuplicateDecision } from '../../lib/import/page/apply-duplicate-decisions';
import type { Duplicate } from '../../lib/import/page/find-duplicates';
import type { ImportRow } from '../../lib/import/import-types';

const DECISION_LABEL: Readonly<Record<DuplicateDecision, string>> = { skip: 'Skip', replace: 'Replace', 'keep-both': 'Keep both' };
const DECISIONS = Object.keys(DECISION_LABEL) as DuplicateDecision[];
/** Duplicates listed one by one; "apply to all" covers every one, listed or not. */
const SHOWN = 200;

export interface ImportDuplicatesProps {
  rows: readonly ImportRow[];
  duplicates: readonly Duplicate[];
  decisions: ReadonlyMap<number, DuplicateDecision>;
  unit: 'row' | 'item';
  /** By duplicate's row index: the password is the same (`true`), differs, or is unknown (`null`: the item is gone); `null` while checking. */
  samePassword: ReadonlyMap<number, boolean | null> | null;
  onChange: (decisions: Map<number, DuplicateDecision>) => void;
}

export function ImportDuplicates({ rows, duplicates, decisions, unit, samePassword, onChange }: ImportDuplicatesProps) {
  const baseId = useId();
  if (duplicates.length === 0) return null;
  const Unit = unit === 'row' ? 'Row' : 'Item';

  function setOne(index: number, decision: DuplicateDecision) {
    const next = new Map(decisions);
    next.set(index, decision);
    onChange(next);
  }

  return (
    <section className="import-duplicates" data-testid="import-duplicates" aria-labelledby={`${baseId}-title`}>
      <div className="section-head">
        <h3 id={`${baseId}-title`}>Duplicates ({duplicates.length.toLocaleString('en')})</h3>
        <div className="input-row">
          <label htmlFor={`${baseId}-all`}>Apply to all</label>
          <select
            id={`${baseId}-all`}
            value=""
            onChange={(event) => {
              const decision = event.target.value as DuplicateDecision;
              onChange(new Map(duplicates.map((duplicate) => [duplicate.index, decision])));
            }}
          >
            <option value="" disabled>
              Choose…
            </option>
            {DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {DECISION_LABEL[decision]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint">
        Same site and username as a login you already have, or as an earlier {unit}. “Password” says whether the passwords are the same. Replace updates it
        and keeps its old password in the history.
      </p>
      <table className="events">
        <thead>
          <tr>
            <th scope="col">{Unit}</th>
            <th scope="col">Imported</th>
            <th scope="col">Same as</th>
            <th scope="col">Password</th>
            <th scope="col">Choice</th>
          </tr>
        </thead>
        <tbody>
          {duplicates.slice(0, SHOWN).map((duplicate) => {
            const content = rows[duplicate.index]?.content;
            const username = content?.type === 'login' ? content.username : '';
            return (
              <tr key={duplicate.index}>
                <td>{duplicate.row}</td>
                <td>
                  {content?.title}
                  {username !== '' && <span className="muted"> ({username})</span>}
                </td>
                <td>{duplicate.match.kind === 'item' ? `“${duplicate.match.title}” in your vault` : `${Unit.toLowerCase()} ${duplicate.match.row} of this file`}</td>
                <td>{passwordText(samePassword, duplicate.index)}</td>
                <td>
                  <select
                    aria-label={`Choice for ${unit} ${duplicate.row}`}
                    value={decisions.get(duplicate.index) ?? 'skip'}
                    onChange={(event) => setOne(duplicate.index, event.target.value as DuplicateDecision)}
                  >
                    {DECISIONS.map((decision) => (
                      <option key={decision} value={decision}>
                        {DECISION_LABEL[decision]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {duplicates.length > SHOWN && <p className="hint">…and {(duplicates.length - SHOWN).toLocaleString('en')} more, which follow “Apply to all” (skipped until you choose).</p>}
    </section>
  );
}

function passwordText(same: ReadonlyMap<number, boolean | null> | null, index: number): string {
  if (same === null) return 'Checking…';
  const answer = same.get(index);
  return answer === true ? 'Same' : answer === false ? 'Different' : 'Unknown';
}
