/**
 * The vault page's integrity check (issue 15): unlock opens only the list (overview buckets), so a damaged
 * item record shows when it is opened; this button opens every record now and reports what it finds in the
 * same banner unlock uses.
 */
import { useState } from 'react';
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';
import { integrityProblems } from './IntegrityBanner';

export interface IntegrityCheckProps {
  /** Called with a report that found problems; the caller shows the banner and reloads the list. */
  onProblems: (report: IntegrityReport) => void;
}

export function IntegrityCheck({ onProblems }: IntegrityCheckProps) {
  const call = useVaultCall();
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState(false);

  async function check() {
    setRunning(true);
    setStatus('Checking every item…');
    const result = await call('vaultCheckIntegrity', {});
    setRunning(false);
    if (!result.ok) {
      setStatus(errorText(result.error));
      return;
    }
    const problems = integrityProblems(result.integrity);
    setStatus(problems.length === 0 ? 'No problems found: every item opens and matches the vault’s list.' : problems.join(' '));
    if (problems.length > 0) onProblems(result.integrity);
  }

  return (
    <section aria-labelledby="integrity-check-heading" data-testid="integrity-check">
      <h2 id="integrity-check-heading">Integrity</h2>
      <p>Unlocking checks the item list; each item is checked when you open it. This opens every item now.</p>
      <button type="button" onClick={() => void check()} disabled={running}>
        Check integrity
      </button>
      <p role="status">{status}</p>
    </section>
  );
}
