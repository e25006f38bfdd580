/**
 * The sharing inbox: shares waiting for an answer (the toolbar badge counts them with the requests).
 * Accepting puts the item in the vault marked "shared by"; a share from an unverified sender needs a
 * confirmation, and one from a sender whose key changed cannot be accepted until they are verified again
 * (T01). Offers from people who are not contacts wait below, unopened, as Requests (T02).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { DamagedNotice } from './DamagedNotice';
import { InboxRequests } from './InboxRequests';
import { expiryText, formatTime, PERMISSION_TEXT, recipientAutofillOnlyText, sharingErrorText, STATE_TEXT } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';
import { RequestAnswers } from '../links/RequestAnswers';

type Entry = ResponseOf<'inboxList'>['shares'][number];

export interface InboxProps {
  /** An answer changed the item list (an accepted item appears in it). */
  onChanged: () => void;
  /** Opens Contacts (to verify a sender, or add one). */
  onOpenContacts: () => void;
}

export function Inbox({ onChanged, onOpenContacts }: InboxProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const baseId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);

  const load = useCallback(async () => {
    const result = await call('inboxList', {});
    if (result.ok) {
      setEntries(result.shares);
      setDamaged(result.damaged);
    } else setError(sharingErrorText(result.error));
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function sync() {
    setBusy(true);
    const result = await call('sharingSync', {});
    setBusy(false);
    if (!result.ok) setError(sharingErrorText(result.error));
    else if (result.lastError !== null) showToast({ text: result.lastError });
    setRefresh((n) => n + 1);
    await load();
  }

  async function answer(entry: Entry, choice: 'accept' | 'decline') {
    setBusy(true);
    const result = await call('inboxAnswer', { id: entry.id, answer: choice, confirmedUnverified: confirmed.includes(entry.id) });
    setBusy(false);
    if (!result.ok) {
      setError(sharingErrorText(result.error));
      return;
    }
    setError(null);
    showToast({ text: choice === 'accept' ? `“${entry.title}” is now in your vault.` : `Declined “${entry.title}”.` });
    onChanged();
    await load();
  }

  return (
    <section className="inbox" data-testid="inbox" aria-labelledby={`${baseId}-title`}>
      <div className="section-head">
        <h2 id={`${baseId}-title`}>Inbox</h2>
        <div className="header-actions">
          <button type="button" onClick={onOpenContacts}>
            Contacts
          </button>
          <button type="button" disabled={busy} onClick={() => void sync()}>
            Check for shares
          </button>
        </div>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <DamagedNotice kind="received" count={damaged} />
      {/* Answers to secret requests (issue 14) come from outsiders, not contacts: listed apart. */}
      <RequestAnswers onChanged={onChanged} />
      {entries !== null && entries.length === 0 && <p className="empty">No shares waiting for you.</p>}
      <ul className="plain inbox-list">
        {(entries ?? []).map((entry) => (
          <li key={entry.id} className="inbox-entry" data-testid="inbox-entry">
            <p>
              <strong>{entry.title}</strong> from {entry.from} <span className="muted">({STATE_TEXT[entry.fromState]})</span>
            </p>
            <p className="muted">
              {PERMISSION_TEXT[entry.permission]}, {expiryText(entry.expiresAt)}. Received {formatTime(entry.receivedAt)}.
            </p>
            {entry.permission === 'autofill-only' && <p className="hint">{recipientAutofillOnlyText(entry.from, 0)}</p>}
            {entry.missing !== null && <p className="banner banner-warn">Some updates of this share never arrived; the relay may have withheld them.</p>}
            {entry.fromState === 'changed' && <p className="banner banner-danger">{entry.from}’s key changed: verify them again in Contacts before accepting.</p>}
            {entry.fromState === 'unverified' && (
              <div className="field check">
                <input
                  id={`${baseId}-${entry.id}`}
                  type="checkbox"
                  checked={confirmed.includes(entry.id)}
                  onChange={(e) => setConfirmed(e.target.checked ? [...confirmed, entry.id] : confirmed.filter((id) => id !== entry.id))}
                />
                <label htmlFor={`${baseId}-${entry.id}`}>I trust that this comes from {entry.from} (safety number not compared)</label>
              </div>
            )}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy || entry.fromState === 'changed' || (entry.fromState === 'unverified' && !confirmed.includes(entry.id))}
                onClick={() => void answer(entry, 'accept')}
              >
                Accept
              </button>
              <button type="button" disabled={busy} onClick={() => void answer(entry, 'decline')}>
                Decline
              </button>
            </div>
          </li>
        ))}
      </ul>
      <InboxRequests
        refresh={refresh}
        onChanged={() => {
          onChanged();
          void load();
        }}
        onOpenContacts={onOpenContacts}
      />
    </section>
  );
}
