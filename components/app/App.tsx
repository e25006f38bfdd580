/** The root of the popup and the vault page: asks the background for the vault's state and shows the matching screen. */
import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '../../lib/protocol/send-message';
import { subscribeVaultChange, type VaultChange } from '../../lib/messaging/vault-change-event';
import { subscribeVaultLocked } from '../../lib/messaging/vault-locked-event';
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';
import { errorText } from '../kit/error-text';
import { Onboarding } from './Onboarding';
import { Unlock } from './Unlock';
import { VaultLockedContext } from '../kit/use-vault-call';
import type { Layout } from './VaultHeader';
import { VaultView, type StartView } from './VaultView';

export interface AppProps {
  layout: Layout;
  /** Opens the full-page vault, on `view` when given; given by the popup's entrypoint, which may use `browser.*` (components may not). */
  openVaultPage?: (view?: StartView) => void;
  /** The panel the vault page opens on once unlocked (its entrypoint reads it from the address). */
  startView?: StartView;
  /** The vault page was opened by a save bar's Edit…: the draft's token, read from the address by the entrypoint. */
  draftToken?: string | undefined;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; text: string }
  | { kind: 'none' }
  | { kind: 'locked' }
  | { kind: 'unlocked'; integrity: IntegrityReport | null; failedUnlocks: number };

export function App({ layout, openVaultPage, startView, draftToken }: AppProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const loadStatus = useCallback(async () => {
    const result = await sendMessage('vaultStatus', {});
    if (!result.ok) {
      setPhase({ kind: 'unreachable', text: errorText(result.error) });
      return;
    }
    setPhase(result.state === 'unlocked' ? { kind: 'unlocked', integrity: null, failedUnlocks: 0 } : { kind: result.state });
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  // Any reply saying "locked", or the background's "vault locked" event (auto-lock, a lock in another
  // window), drops every decrypted value with the vault view.
  const onLocked = useCallback(() => setPhase((current) => (current.kind === 'unlocked' ? { kind: 'locked' } : current)), []);
  useEffect(() => subscribeVaultLocked(onLocked), [onLocked]);

  // A vault created or unlocked in another page (the popup, another tab) opens here too. The answer never
  // replaces an unlocked phase: this page's own unlock carries the integrity report, which must stay.
  const onChange = useCallback(async (change: VaultChange) => {
    if (change === 'items-changed') return;
    const result = await sendMessage('vaultStatus', {});
    if (!result.ok) return;
    setPhase((current) => {
      if (result.state === 'unlocked') return current.kind === 'unlocked' ? current : { kind: 'unlocked', integrity: null, failedUnlocks: 0 };
      if (result.state === 'locked' && current.kind === 'none') return { kind: 'locked' };
      return current;
    });
  }, []);
  useEffect(() => subscribeVaultChange((change) => void onChange(change)), [onChange]);

  let screen;
  switch (phase.kind) {
    case 'loading':
      screen = <p className="status loading" role="status">Opening Sealpass…</p>;
      break;
    case 'unreachable':
      screen = (
        <main className="screen screen-narrow">
          <h1 className="brand">Sealpass</h1>
          <p className="form-error" role="alert">{phase.text}</p>
          <button type="button" className="primary" onClick={() => void loadStatus()}>
            Try again
          </button>
        </main>
      );
      break;
    case 'none':
      screen = <Onboarding onCreated={() => void loadStatus()} />;
      break;
    case 'locked':
      screen = <Unlock onUnlocked={(integrity, failedUnlocks) => setPhase({ kind: 'unlocked', integrity, failedUnlocks })} />;
      break;
    case 'unlocked':
      screen = (
        <VaultView
          layout={layout}
          integrity={phase.integrity}
          failedUnlocks={phase.failedUnlocks}
          openVaultPage={openVaultPage}
          startView={startView}
          draftToken={draftToken}
          onLock={() => setPhase({ kind: 'locked' })}
        />
      );
      break;
  }

  return (
    <VaultLockedContext.Provider value={onLocked}>
      <div className={`app app-${layout}`}>{screen}</div>
    </VaultLockedContext.Provider>
  );
}
