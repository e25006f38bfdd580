/**
 * Settings → Sharing: choose a handle and the relay (default http://127.0.0.1:8787) and register; then the
 * own safety code as digit groups, the contact code with Copy and as a QR code, the relay's state, what
 * waits in the outbox, and what was refused lately.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { damagedSyncText, formatTime, sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

/** Where a new identity registers unless the user types another relay. */
export const DEFAULT_RELAY_URL = 'http://127.0.0.1:8787';

type Status = ResponseOf<'sharingStatus'>;

const REFUSAL_TEXT: Record<string, string> = {
  malformed: 'not a valid envelope',
  misaddressed: 'addressed to someone else, or from keys you have not pinned',
  unauthentic: 'failed its signature or encryption check',
  'unknown-sender': 'from a handle with no valid identity',
  'contact-changed': 'from a contact whose key changed',
  'stale-version': 'an old version sent again',
  'share-closed': 'for a share that has ended',
  'damaged-record': 'for a share whose record in this vault could not be opened',
};

export function SharingSettings() {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const baseId = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [handle, setHandle] = useState('');
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('sharingStatus', {});
    if (result.ok) {
      setStatus(result);
      setError(null);
    } else setError(sharingErrorText(result.error));
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<{ ok: boolean; error?: { code: string; message?: string } }>) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok && result.error) setError(sharingErrorText(result.error));
    await load();
  }

  async function setUp(event: FormEvent) {
    event.preventDefault();
    await run(() => call('sharingSetup', { handle: handle.trim().toLowerCase(), relayUrl: relayUrl.trim() }));
  }

  async function copyCode(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      showToast({ text: 'Contact code copied.' });
    } catch {
      showToast({ text: 'Could not copy: the clipboard is not available here.' });
    }
  }

  const identity = status?.identity ?? null;
  const damaged = status === null ? null : damagedSyncText(status.damaged);
  return (
    <section className="sharing-settings" data-testid="sharing-settings" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Sharing</h3>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status === null && error === null && <p className="status">Loading…</p>}
      {status !== null && identity === null && (
        <form onSubmit={(e) => void setUp(e)}>
          <p className="hint">Choose the handle colleagues will use to share with you. Your keys are made on this device and never leave it.</p>
          <div className="field">
            <label htmlFor={`${baseId}-handle`}>Your handle</label>
            <input id={`${baseId}-handle`} type="text" autoComplete="off" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-relay`}>Relay address</label>
            <input id={`${baseId}-relay`} type="url" autoComplete="off" spellCheck={false} value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} />
            <p className="hint">The relay only ever carries sealed envelopes; it cannot read what you share.</p>
          </div>
          <button type="submit" className="primary" disabled={busy || handle.trim() === ''}>
            Register
          </button>
        </form>
      )}
      {identity !== null && status !== null && (
        <>
          <dl className="details">
            <div className="row">
              <dt>Handle</dt>
              <dd>
                <span className="value" data-testid="own-handle">{identity.handle}</span>{' '}
                <span className={identity.registered ? 'pill ok' : 'pill warn'}>{identity.registered ? 'registered' : 'not registered yet'}</span>
              </dd>
            </div>
            <div className="row">
              <dt>Relay</dt>
              <dd className="value">{identity.relayUrl}</dd>
            </div>
            <div className="row">
              <dt>Your safety code</dt>
              <dd>
                <code className="digits" data-testid="own-safety-code">{identity.ownCode}</code>
                <p className="hint">These digits appear in the safety number every contact sees for you.</p>
              </dd>
            </div>
            <div className="row">
              <dt>Contact code</dt>
              <dd>
                <code className="contact-code" data-testid="contact-code">{identity.contactCode}</code>
                <button type="button" className="small" onClick={() => void copyCode(identity.contactCode)}>
                  Copy contact code
                </button>
                <img className="qr" alt="Your contact code as a QR code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(identity.qrSvg)}`} />
                <p className="hint">Give it to a colleague in person or on a call: pasted or scanned, it adds you already verified.</p>
              </dd>
            </div>
          </dl>
          <p className="status" role="status" data-testid="sharing-sync-status">
            {status.pendingOps > 0 ? `${status.pendingOps} waiting to be sent. ` : 'Nothing waiting to be sent. '}
            Last sync: {formatTime(status.lastSyncAt, 'never')}.
          </p>
          {status.lastError !== null && <p className="banner banner-warn">{status.lastError}</p>}
          {damaged !== null && (
            <p className="banner banner-warn" role="status" data-testid="damaged-notice">
              {damaged}
            </p>
          )}
          {status.refusals.length > 0 && (
            <details className="refusals">
              <summary>{status.refusals.length} envelopes from the relay were refused</summary>
              <ul className="plain">
                {status.refusals.map((r, i) => (
                  <li key={`${r.at}-${i}`}>
                    {formatTime(r.at)}: {REFUSAL_TEXT[r.reason] ?? 'refused'}
                  </li>
                ))}
              </ul>
              <p className="hint">Nothing from them was added to your vault. Many refusals may mean the relay is misbehaving.</p>
            </details>
          )}
          <button type="button" disabled={busy} onClick={() => void run(() => call('sharingSync', {}))}>
            Sync now
          </button>
        </>
      )}
    </section>
  );
}
