/**
 * Settings → Sharing → "Change handle or relay" (issue 17: both were fixed for good at "Register"). A new
 * handle keeps the keys; what it breaks is counted first (contacts who know the old one, open shares,
 * copies shared with you) and said before the change. A new relay is checked before anything moves. Either
 * way the answer says at once whether the relay took the registration.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type Impact = ResponseOf<'sharingHandleImpact'>;

export interface SharingChangeProps {
  handle: string;
  relayUrl: string;
  /** A change went through (reload the status). */
  onChanged: (message: string) => void;
}

/** "2 contacts know you as alice; 1 open share …", or null when nothing depends on the handle. */
function impactText(old: string, impact: Impact): string | null {
  const parts = [
    impact.contacts > 0 ? `${impact.contacts} ${impact.contacts === 1 ? 'contact knows' : 'contacts know'} you as ${old} and must add you again under the new one (and compare the new safety number)` : null,
    impact.openShares > 0 ? `${impact.openShares} open ${impact.openShares === 1 ? 'share' : 'shares'} you made get no receipts or edits back until then` : null,
    impact.received > 0 ? `${impact.received} ${impact.received === 1 ? 'item shared with you stops' : 'items shared with you stop'} getting updates and revokes until the owner shares again to your new handle` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}

export function SharingChange({ handle, relayUrl, onChanged }: SharingChangeProps) {
  const call = useVaultCall();
  const baseId = useId();
  const [newHandle, setNewHandle] = useState('');
  const [newRelay, setNewRelay] = useState('');
  const [impact, setImpact] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function changeHandle(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // First submit: say what the change breaks; the second one (the same button, now "Change anyway") does it.
    if (impact === undefined) {
      const result = await call('sharingHandleImpact', {});
      if (!result.ok) return setError(sharingErrorText(result.error));
      const text = impactText(handle, result);
      if (text !== null) return setImpact(text);
    }
    setBusy(true);
    const result = await call('sharingSetHandle', { handle: newHandle.trim().toLowerCase() });
    setBusy(false);
    setImpact(undefined);
    if (!result.ok) return setError(sharingErrorText(result.error));
    if (!result.registered) return setError(result.problem ?? 'The relay has not confirmed the new handle yet.');
    setNewHandle('');
    onChanged(`You are now ${newHandle.trim().toLowerCase()} on the relay. Tell your contacts.`);
  }

  async function changeRelay(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await call('sharingSetRelay', { relayUrl: newRelay.trim() });
    setBusy(false);
    if (!result.ok) return setError(sharingErrorText(result.error));
    if (!result.registered) return setError(result.problem ?? 'The new relay has not confirmed the registration yet.');
    setNewRelay('');
    onChanged('Moved to the new relay. Contacts on your old relay cannot reach you until they move too: send them a new invite link.');
  }

  return (
    <details className="sharing-change" data-testid="sharing-change">
      <summary>Change handle or relay</summary>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="change-error">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void changeHandle(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${baseId}-handle`}>New handle</label>
          <input
            id={`${baseId}-handle`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={newHandle}
            onChange={(e) => {
              setNewHandle(e.target.value);
              setImpact(undefined);
            }}
          />
          <p className="hint">Your keys stay; contacts see a new safety number and must add you again.</p>
        </div>
        {impact !== undefined && impact !== null && (
          <p className="banner banner-warn" role="status" data-testid="handle-impact">
            {impact}
          </p>
        )}
        <button type="submit" disabled={busy || newHandle.trim() === '' || newHandle.trim().toLowerCase() === handle}>
          {impact ? 'Change handle anyway' : 'Change handle'}
        </button>
      </form>
      <form onSubmit={(e) => void changeRelay(e)} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${baseId}-relay`}>New relay address</label>
          <input id={`${baseId}-relay`} type="url" autoComplete="off" spellCheck={false} placeholder={relayUrl} value={newRelay} onChange={(e) => setNewRelay(e.target.value)} />
          <p className="hint">Sealpass checks that the relay answers before it moves anything. What waits for your old relay is sent first.</p>
        </div>
        <button type="submit" disabled={busy || newRelay.trim() === ''}>
          {busy ? 'Checking the relay…' : 'Change relay'}
        </button>
      </form>
    </details>
  );
}
