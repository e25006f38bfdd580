/**
 * Answers to the owner's secret requests, in the inbox (issue 14): each "from the holder of link
 * '<label>'", said plainly not to be a verified contact, saved into the vault only when accepted.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';
import { linkErrorText, linkTime } from './link-text';

type Entry = ResponseOf<'requestList'>['answers'][number];
type Values = ResponseOf<'answerGet'>['answer'];

export function RequestAnswers({ onChanged }: { onChanged: () => void }) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const baseId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, Values>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('requestList', {});
    if (!result.ok) return setError(linkErrorText(result.error));
    setEntries(result.answers);
    if (result.relayError) setError(result.relayError);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function show(entry: Entry) {
    const result = await call('answerGet', { id: entry.id });
    if (result.ok) setValues({ ...values, [entry.id]: result.answer });
    else setError(linkErrorText(result.error));
  }

  async function settle(entry: Entry, accept: boolean) {
    setBusy(true);
    const result = accept ? await call('answerAccept', { id: entry.id, title: titles[entry.id] ?? entry.label }) : await call('answerDecline', { id: entry.id });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    showToast({ text: accept ? `Saved “${titles[entry.id] ?? entry.label}” to your vault.` : 'Answer discarded.' });
    onChanged();
    await load();
  }

  if (entries === null || (entries.length === 0 && error === null)) return null;
  return (
    <section className="request-answers" data-testid="request-answers" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Answers to your requests</h3>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain inbox-list">
        {entries.map((entry) => (
          <li key={entry.id} className="inbox-entry" data-testid="request-answer">
            <p>
              From the holder of link <strong>“{entry.label}”</strong>
            </p>
            <p className="hint">
              Not a verified contact: anyone who had that link could have sent this. Received {linkTime(entry.receivedAt)}
              {entry.url ? `, for ${entry.url}` : ''}. Holds {[entry.hasUsername && 'a username', entry.hasPassword && 'a password'].filter(Boolean).join(' and ') || 'a note'}.
            </p>
            {values[entry.id] && (
              <dl className="answer-values">
                {(['username', 'password', 'url', 'note'] as const)
                  .filter((key) => values[entry.id]![key] !== '')
                  .map((key) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd className="mono">{values[entry.id]![key]}</dd>
                    </div>
                  ))}
              </dl>
            )}
            <div className="field">
              <label htmlFor={`${baseId}-${entry.id}`}>Save as</label>
              <input id={`${baseId}-${entry.id}`} value={titles[entry.id] ?? entry.label} onChange={(e) => setTitles({ ...titles, [entry.id]: e.target.value })} />
            </div>
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void settle(entry, true)}>
                Accept into vault
              </button>
              {!values[entry.id] && (
                <button type="button" onClick={() => void show(entry)}>
                  Show
                </button>
              )}
              <button type="button" disabled={busy} onClick={() => void settle(entry, false)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
