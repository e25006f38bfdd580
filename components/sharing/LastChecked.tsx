/**
 * "Last checked 2 minutes ago · Check now" (issue 17: status lagged with no way to tell how old it was): when
 * Sealpass last talked to the relay, kept current while shown, and a sync on demand. Changes announced by
 * the background (a sync elsewhere) refresh it.
 */
import { useCallback, useEffect, useState } from 'react';
import { subscribeVaultChange } from '../../lib/messaging/vault-change-event';
import { agoText, sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

/** How often the "… ago" words are brought up to date, ms. */
const TICK_MS = 20_000;

export interface LastCheckedProps {
  /** After a sync this view started (its caller reloads what it shows). */
  onSynced?: () => void;
}

export function LastChecked({ onSynced }: LastCheckedProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const [lastSyncAt, setLastSyncAt] = useState<number | null | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('sharingStatus', {});
    if (result.ok && result.identity !== null) setLastSyncAt(result.lastSyncAt);
    setNow(Date.now());
  }, [call]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    const unsubscribe = subscribeVaultChange((change) => change === 'items-changed' && void load());
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [load]);

  async function checkNow() {
    setBusy(true);
    const result = await call('sharingSync', {});
    setBusy(false);
    if (!result.ok) showToast({ text: sharingErrorText(result.error) });
    else if (result.lastError !== null) showToast({ text: result.lastError });
    await load();
    onSynced?.();
  }

  // Nothing to say before sharing is set up.
  if (lastSyncAt === undefined) return null;
  return (
    <p className="last-checked muted" data-testid="last-checked">
      <span role="status">Last checked {agoText(lastSyncAt, now)}</span> ·{' '}
      <button type="button" className="link" disabled={busy} onClick={() => void checkNow()}>
        {busy ? 'Checking…' : 'Check now'}
      </button>
    </p>
  );
}
