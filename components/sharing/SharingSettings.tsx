/**
 * Settings → Sharing: choose a handle and the relay (default http://127.0.0.1:8787) and register, the relay
 * checked first (SharingSetupForm); then the own safety code as digit groups, the invite link and the
 * contact code with Copy and the invite as a QR code, when the relay was last checked, what waits in the
 * outbox, what was refused lately, and changing the handle or the relay later (issue 17).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { LastChecked } from './LastChecked';
import { SharingChange } from './SharingChange';
import { SharingSetupForm } from './SharingSetupForm';
import { damagedSyncText, formatTime, sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

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

  async function copyCode(code: string, what: string) {
    try {
      await navigator.clipboard.writeText(code);
      showToast({ text: `${what} copied.` });
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
      {status !== null && identity === null && <SharingSetupForm action="Register" onDone={() => void load()} />}
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
              <dt>Invite link</dt>
              <dd>
                <code className="contact-code" data-testid="settings-invite-link">{identity.inviteLink}</code>
                <button type="button" className="small" onClick={() => void copyCode(identity.inviteLink, 'Invite link')}>
                  Copy invite link
                </button>
                <img className="qr" alt="Your invite link as a QR code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(identity.qrSvg)}`} />
                <p className="hint">Pasted into a colleague’s Sealpass (Contacts), it sets them up on your relay with you as a contact.</p>
              </dd>
            </div>
            <div className="row">
              <dt>Contact code</dt>
              <dd>
                <code className="contact-code" data-testid="contact-code">{identity.contactCode}</code>
                <button type="button" className="small" onClick={() => void copyCode(identity.contactCode, 'Contact code')}>
                  Copy contact code
                </button>
                <p className="hint">
                  The same keys without the relay. Either one is as trustworthy as the way it reaches your colleague: given in person or on a call, it
                  is; by email or chat, compare the safety number afterwards.
                </p>
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
          <LastChecked onSynced={() => void load()} />
          <button type="button" disabled={busy} onClick={() => void run(() => call('sharingSync', {}))}>
            Sync now
          </button>
          <SharingChange
            handle={identity.handle}
            relayUrl={identity.relayUrl}
            onChanged={(text) => {
              showToast({ text });
              void load();
            }}
          />
        </>
      )}
    </section>
  );
}
