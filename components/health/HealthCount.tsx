/** The popup's password-health line: how many logins are weak, reused or due for rotation, with a way to the vault page's Health view. */
import { useEffect, useState } from 'react';
import type { HealthReport } from '../../lib/health/health-report-schema';
import { useVaultCall } from '../kit/use-vault-call';

export interface HealthCountProps {
  /** Opens the vault page (the popup's entrypoint provides it). */
  onOpen?: (() => void) | undefined;
}

export function HealthCount({ onOpen }: HealthCountProps) {
  const call = useVaultCall();
  const [counts, setCounts] = useState<HealthReport['counts'] | null>(null);

  useEffect(() => {
    let live = true;
    // Also refreshes the toolbar badge's rotation count in the background.
    void call('healthReport', {}).then((result) => {
      if (live && result.ok) setCounts(result.report.counts);
    });
    return () => {
      live = false;
    };
  }, [call]);

  if (counts === null || counts.weak + counts.reused + counts.old === 0) return null;
  const parts = [
    counts.weak > 0 ? `${counts.weak} weak` : '',
    counts.reused > 0 ? `${counts.reused} reused` : '',
    counts.old > 0 ? `${counts.old} due for rotation` : '',
  ].filter((part) => part !== '');
  return (
    <p className="health-count" data-testid="health-count" role="status">
      <span>Password health: {parts.join(', ')}.</span>
      {onOpen && (
        <button type="button" className="link" onClick={onOpen}>
          Open Health
        </button>
      )}
    </p>
  );
}
