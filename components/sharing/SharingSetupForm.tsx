/**
 * Setting up sharing: a handle and the relay (default http://127.0.0.1:8787). The background checks that a
 * relay answers there before it creates anything (issue 17), so a wrong address or a relay that is down is
 * said at once, with the address tried, and nothing is left half set up. A handle the relay refuses (taken)
 * is said too, and another one can be tried in the same form.
 */
import { useId, useState, type FormEvent } from 'react';
import { sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

/** Where a new identity registers unless the user types another relay. */
export const DEFAULT_RELAY_URL = 'http://127.0.0.1:8787';

export interface SharingSetupFormProps {
  /** The submit button's words ("Register", "Create invite link"). */
  action: string;
  /** Set up and registered. */
  onDone: () => void;
}

export function SharingSetupForm({ action, onDone }: SharingSetupFormProps) {
  const call = useVaultCall();
  const baseId = useId();
  const [handle, setHandle] = useState('');
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await call('sharingSetup', { handle: handle.trim().toLowerCase(), relayUrl: relayUrl.trim() });
    setBusy(false);
    if (!result.ok) return setError(sharingErrorText(result.error));
    if (!result.registered) return setError(result.problem ?? 'The relay has not confirmed the registration yet.');
    onDone();
  }

  return (
    <form className="sharing-setup" data-testid="sharing-setup" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <p className="hint">Choose the handle colleagues will use to share with you. Your keys are made on this device and never leave it.</p>
      <div className="field">
        <label htmlFor={`${baseId}-handle`}>Your handle</label>
        <input id={`${baseId}-handle`} type="text" autoComplete="off" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${baseId}-relay`}>Relay address</label>
        <input id={`${baseId}-relay`} type="url" autoComplete="off" spellCheck={false} value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} />
        <p className="hint">The relay only ever carries sealed envelopes; it cannot read what you share. Sealpass checks that it answers before registering.</p>
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="setup-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || handle.trim() === ''}>
        {busy ? 'Checking the relay…' : action}
      </button>
    </form>
  );
}
