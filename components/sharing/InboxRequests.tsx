/**
 * The Inbox's Requests: shares offered by handles that are not among your contacts (T02). Sealpass keeps
 * them unopened (nothing says whose keys they were sealed with, and the relay could have made them), so
 * only the handle they claim is shown. Accepting needs that person verified first: their contact code, or
 * their safety number compared in Contacts. Declining drops the request; nothing is sent back.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { formatTime, sharingErrorText, STATE_TEXT } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

type Request = ResponseOf<'shareRequestList'>['requests'][number];

export interface InboxRequestsProps {
  /** Changes whenever the Inbox synced or answered something, so the requests are read again. */
  refresh: number;
  /** A request was accepted: the item joined the vault. */
  onChanged: () => void;
  /** Opens Contacts, to verify a sender. */
  onOpenContacts: () => void;
}

export function InboxRequests({ refresh, onChanged, onOpenContacts }: InboxRequestsProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const titleId = useId();
  const [requests, setRequests] = useState<Request[]>([]);
  const [damaged, setDamaged] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('shareRequestList', {});
    if (result.ok) {
      setRequests(result.requests);
      setDamaged(result.damaged);
    } else setError(sharingErrorText(result.error));
  }, [call]);

  useEffect(() => {
    void load();
  }, [load, refresh]);

  async function answer(request: Request, choice: 'accept' | 'decline') {
    setBusy(true);
    const result = choice === 'accept' ? await call('shareRequestAccept', { id: request.id }) : await call('shareRequestDecline', { id: request.id });
    setBusy(false);
    if (!result.ok) setError(sharingErrorText(result.error));
    else {
      setError(null);
      showToast({ text: choice === 'accept' ? `The share from ${request.from} is now in your vault.` : `Dropped the request from ${request.from}.` });
      if (choice === 'accept') onChanged();
    }
    await load();
  }

  if (requests.length === 0 && damaged === 0 && error === null) return null;
  return (
    <section className="inbox-requests" data-testid="inbox-requests" aria-labelledby={titleId}>
      <h3 id={titleId}>Requests</h3>
      <p className="hint">
        From people who are not in your contacts. Sealpass has not opened them: until you verify the sender, anyone (the relay included) could
        have sent them in that name.
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {damaged > 0 && <p className="banner banner-warn">{damaged === 1 ? '1 request' : `${damaged} requests`} could not be opened and {damaged === 1 ? 'is' : 'are'} not shown.</p>}
      <ul className="plain inbox-list">
        {requests.map((request) => (
          <li key={request.id} className="inbox-entry" data-testid="request-entry">
            <p>
              A share from <strong>{request.from}</strong> <span className="muted">({STATE_TEXT[request.fromState]})</span>, received {formatTime(request.receivedAt)}.
            </p>
            {request.fromState !== 'verified' && (
              <p className="hint">
                To see and accept it, verify {request.from} first: paste their contact code in Contacts, or add them there by handle and compare
                safety numbers.
              </p>
            )}
            <div className="actions">
              {request.fromState !== 'verified' && (
                <button type="button" onClick={onOpenContacts}>
                  Verify in Contacts
                </button>
              )}
              <button type="button" className="primary" disabled={busy || request.fromState !== 'verified'} onClick={() => void answer(request, 'accept')}>
                Accept
              </button>
              <button type="button" disabled={busy} onClick={() => void answer(request, 'decline')}>
                Decline
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
