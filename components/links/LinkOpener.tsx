/**
 * Opens a link someone sent, in the extension (issue 14, DESIGN §11): the background reads, reveals and
 * answers it, so the relay's page code plays no part. A one-time link shows its values with "Save to my
 * vault"; a request shows who asks, their safety code, and a form sealed for them.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import type { ItemInput } from '../../lib/vault/model/item-schema';
import { useVaultCall } from '../kit/use-vault-call';
import { linkErrorText, linkTime } from './link-text';

type Inspection = ResponseOf<'linkInspect'>;
type Revealed = ResponseOf<'linkReveal'>;

/** The item a revealed link becomes: a login when it has a username, password or website, else a note. */
function itemOf(revealed: Revealed): ItemInput {
  const value = (name: string) => revealed.fields.find((f) => f.name === name)?.value ?? '';
  const title = revealed.title || 'From a one-time link';
  const rest = revealed.fields.filter((f) => !['username', 'password', 'url', 'totp'].includes(f.name));
  const notes = rest.filter((f) => f.name === 'notes' || f.name === 'text').map((f) => f.value).join('\n\n');
  const fields = rest.filter((f) => f.name === 'custom').map((f) => ({ name: f.label, value: f.value, hidden: f.concealed }));
  const urls = revealed.fields.filter((f) => f.name === 'url').map((f) => f.value);
  if (value('username') || value('password') || urls.length > 0) {
    return { type: 'login', title, username: value('username'), password: value('password'), urls, totp: value('totp'), notes, fields, folder: '', tags: [], favourite: false, match: 'origin' };
  }
  return { type: 'note', title, notes, fields, folder: '', tags: [], favourite: false };
}

export function LinkOpener({ initialUrl = '' }: { initialUrl?: string }) {
  const call = useVaultCall();
  const baseId = useId();
  const [url, setUrl] = useState(initialUrl);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [shown, setShown] = useState<number[]>([]);
  const [answer, setAnswer] = useState({ username: '', password: '', url: '', note: '' });
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function inspect(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setRevealed(null);
    setStatus('');
    const result = await call('linkInspect', { url });
    setBusy(false);
    if (!result.ok) {
      setInspection(null);
      return setError(linkErrorText(result.error));
    }
    setError(null);
    setInspection(result);
  }

  async function reveal(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('linkReveal', { url, passphrase });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    setError(null);
    setPassphrase('');
    setRevealed(result);
  }

  async function save() {
    if (!revealed) return;
    const result = await call('itemCreate', { item: itemOf(revealed) });
    if (!result.ok) return setError(result.error.code === 'locked' ? 'Unlock your vault first (open the Sealpass popup), then save.' : linkErrorText(result.error));
    setError(null);
    setStatus(`Saved “${revealed.title || 'From a one-time link'}” to your vault.`);
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('requestAnswer', { url, answer });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    setError(null);
    setAnswer({ username: '', password: '', url: '', note: '' });
    setStatus(`Sent. Only ${result.owner}’s Sealpass can read it.`);
    setInspection(null);
  }

  return (
    <section className="link-opener" data-testid="link-opener" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>Open a link someone sent</h2>
      <form onSubmit={(e) => void inspect(e)}>
        <div className="field">
          <label htmlFor={`${baseId}-url`}>Sealpass link</label>
          <input id={`${baseId}-url`} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://relay…/l/#…" autoComplete="off" spellCheck={false} />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy || url.trim() === ''}>
            Open
          </button>
        </div>
      </form>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status !== '' && <p role="status">{status}</p>}
      {inspection?.kind === 'link' && !revealed && (
        <form onSubmit={(e) => void reveal(e)} data-testid="link-offer">
          {inspection.state === 'active' ? (
            <>
              <p>
                A one-time link from {inspection.relayOrigin}: {inspection.viewsLeft} of {inspection.maxViews} views left, expires {linkTime(inspection.expiresAt)}. Revealing
                uses one view.
              </p>
              {inspection.passphrase && (
                <div className="field">
                  <label htmlFor={`${baseId}-pass`}>Passphrase</label>
                  <input id={`${baseId}-pass`} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
                </div>
              )}
              <div className="actions">
                <button type="submit" className="primary" disabled={busy}>
                  Reveal
                </button>
              </div>
            </>
          ) : (
            <p role="alert">This link is {inspection.state === 'spent' ? 'used up' : inspection.state}: it no longer opens.</p>
          )}
        </form>
      )}
      {revealed && (
        <div data-testid="link-revealed">
          <h3>{revealed.title || 'A secret for you'}</h3>
          <dl>
            {revealed.fields.map((field, i) => (
              <div key={i} className="row">
                <dt>{field.label}</dt>
                <dd>
                  <output aria-label={field.label}>{field.concealed && !shown.includes(i) ? '••••••••' : field.value}</output>{' '}
                  {field.concealed && (
                    <button type="button" onClick={() => setShown(shown.includes(i) ? shown.filter((n) => n !== i) : [...shown, i])}>
                      {shown.includes(i) ? 'Hide' : 'Show'}
                    </button>
                  )}{' '}
                  <button type="button" onClick={() => void navigator.clipboard.writeText(field.value).catch(() => undefined)}>
                    Copy
                  </button>
                </dd>
              </div>
            ))}
          </dl>
          <p className="hint">{revealed.viewsLeft === 0 ? 'That was the last view: the link no longer exists.' : `${revealed.viewsLeft} more views left on this link.`}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save()}>
              Save to my vault
            </button>
          </div>
        </div>
      )}
      {inspection?.kind === 'request' &&
        (inspection.state === 'active' ? (
          <form onSubmit={(e) => void send(e)} data-testid="request-offer">
            <p>
              <strong>{inspection.owner}</strong> asks you for: “{inspection.label}” (expires {linkTime(inspection.expiresAt)}).
            </p>
            <p>
              {inspection.owner}’s safety code: <span className="mono" data-testid="request-safety-code">{inspection.safetyCode}</span>. Compare it with theirs over a call
              before you send.
            </p>
            {(['username', 'password', 'url', 'note'] as const).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`${baseId}-${key}`}>{{ username: 'Username', password: 'Password or secret', url: 'Website', note: 'Note' }[key]}</label>
                <input
                  id={`${baseId}-${key}`}
                  type={key === 'password' ? 'password' : 'text'}
                  autoComplete="off"
                  value={answer[key]}
                  onChange={(e) => setAnswer({ ...answer, [key]: e.target.value })}
                />
              </div>
            ))}
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                Send to {inspection.owner}
              </button>
            </div>
          </form>
        ) : (
          <p role="alert">This request is {inspection.state === 'answered' ? 'already answered' : inspection.state}: it takes no more answers.</p>
        ))}
    </section>
  );
}
