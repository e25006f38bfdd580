/**
 * Links (issue 14): one-time links you sent (state, views left, proven openings; copy, revoke), a free-text
 * link, "request a secret" with your requests (copy, withdraw), and opening a link someone sent you.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { RequestOf, ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';
import { CreatedLink } from './CreatedLink';
import { LinkOpener } from './LinkOpener';
import { EXPIRY_CHOICES, LINK_STATE_TEXT, linkErrorText, linkTime, REQUEST_STATE_TEXT } from './link-text';

type Links = ResponseOf<'linkList'>['links'];
type Requests = ResponseOf<'requestList'>['requests'];
type Expiry = RequestOf<'linkCreate'>['expiry'];

function ExpirySelect({ id, value, onChange }: { id: string; value: Expiry; onChange: (value: Expiry) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Expiry)}>
      {EXPIRY_CHOICES.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function LinksView() {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const baseId = useId();
  const [links, setLinks] = useState<Links | null>(null);
  const [requests, setRequests] = useState<Requests | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState({ title: '', text: '', expiry: '1d' as Expiry, maxViews: 1, passphrase: '' });
  const [request, setRequest] = useState({ label: '', expiry: '7d' as Expiry, maxAnswers: 1 });
  const [created, setCreated] = useState<{ kind: 'link' | 'request'; url: string } | null>(null);

  const load = useCallback(async () => {
    const [linkResult, requestResult] = await Promise.all([call('linkList', {}), call('requestList', {})]);
    if (linkResult.ok) setLinks(linkResult.links);
    if (requestResult.ok) setRequests(requestResult.requests);
    const failed = !linkResult.ok ? linkResult.error : !requestResult.ok ? requestResult.error : null;
    setError(failed ? linkErrorText(failed) : linkResult.ok && linkResult.relayError ? linkResult.relayError : null);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function createText(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('linkCreate', { source: { kind: 'text', title: text.title, text: text.text }, expiry: text.expiry, maxViews: text.maxViews, passphrase: text.passphrase });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    setText({ ...text, title: '', text: '', passphrase: '' });
    setCreated({ kind: 'link', url: result.url });
    await load();
  }

  async function createRequest(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('requestCreate', request);
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    setRequest({ ...request, label: '' });
    setCreated({ kind: 'request', url: result.url });
    await load();
  }

  async function copy(id: string, kind: 'link' | 'request') {
    const result = await call('linkCopyUrl', { id, kind });
    if (!result.ok) return setError(linkErrorText(result.error));
    await navigator.clipboard.writeText(result.url).then(
      () => showToast({ text: 'Link copied.' }),
      () => setCreated({ kind, url: result.url }),
    );
  }

  async function end(id: string, kind: 'link' | 'request') {
    setBusy(true);
    const result = kind === 'link' ? await call('linkRevoke', { id }) : await call('requestRevoke', { id });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    showToast({ text: kind === 'link' ? 'Link revoked: it no longer opens.' : 'Request withdrawn: it takes no more answers.' });
    await load();
  }

  return (
    <section className="links-view" data-testid="links-view" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>Links</h2>
      <p className="hint">One-time links work for anyone, without Sealpass: the secret is in the part of the address after “#”, which the relay never sees.</p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <CreatedLink
          url={created.url}
          hint={created.kind === 'link' ? 'Send this link; it opens in any browser.' : 'Send this link to the person who has the secret; what they type is sealed for you alone and arrives in your Inbox.'}
        />
      )}

      <h3>Your one-time links</h3>
      {links !== null && links.length === 0 && <p className="empty">No links yet. Open an item and choose “Send as link…”, or send a text below.</p>}
      <ul className="plain" data-testid="link-list">
        {(links ?? []).map((link) => (
          <li key={link.id} className="link-entry" data-testid="link-entry">
            <p>
              <strong>{link.title || 'Untitled'}</strong> <span className="muted">({link.fields.join(', ')})</span> — <span data-testid="link-state">{LINK_STATE_TEXT[link.state]}</span>
            </p>
            <p className="muted">
              {link.viewsLeft} of {link.maxViews} views left; expires {linkTime(link.expiresAt)}
              {link.passphrase ? '; passphrase' : ''}.{' '}
              {link.openedAt.length > 0 ? `Opened ${link.openedAt.map(linkTime).join(', ')} (proven by the opening page).` : 'Not opened yet.'}
            </p>
            <div className="actions">
              <button type="button" onClick={() => void copy(link.id, 'link')}>
                Copy link
              </button>
              {link.state === 'active' && (
                <button type="button" className="danger" disabled={busy} onClick={() => void end(link.id, 'link')}>
                  Revoke
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      <form onSubmit={(e) => void createText(e)} aria-labelledby={`${baseId}-text`}>
        <h3 id={`${baseId}-text`}>Send a text as a one-time link</h3>
        <div className="field">
          <label htmlFor={`${baseId}-text-title`}>Title</label>
          <input id={`${baseId}-text-title`} value={text.title} onChange={(e) => setText({ ...text, title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-text-body`}>Text</label>
          <textarea id={`${baseId}-text-body`} rows={3} value={text.text} onChange={(e) => setText({ ...text, text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-text-expiry`}>Expires after</label>
          <ExpirySelect id={`${baseId}-text-expiry`} value={text.expiry} onChange={(expiry) => setText({ ...text, expiry })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-text-views`}>Maximum views</label>
          <input id={`${baseId}-text-views`} type="number" min={1} max={100} value={text.maxViews} onChange={(e) => setText({ ...text, maxViews: Math.min(100, Math.max(1, Number(e.target.value) || 1)) })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-text-pass`}>Passphrase (optional)</label>
          <input id={`${baseId}-text-pass`} type="password" autoComplete="new-password" value={text.passphrase} onChange={(e) => setText({ ...text, passphrase: e.target.value })} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || text.text === ''}>
            Create link
          </button>
        </div>
      </form>

      <form onSubmit={(e) => void createRequest(e)} aria-labelledby={`${baseId}-request`}>
        <h3 id={`${baseId}-request`}>Request a secret</h3>
        <p className="hint">Someone without Sealpass types the secret into a page; it is sealed in their browser for you alone. The page shows your handle and safety code.</p>
        <div className="field">
          <label htmlFor={`${baseId}-label`}>What you ask for</label>
          <input id={`${baseId}-label`} placeholder="hosting login for Acme" value={request.label} onChange={(e) => setRequest({ ...request, label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-request-expiry`}>Expires after</label>
          <ExpirySelect id={`${baseId}-request-expiry`} value={request.expiry} onChange={(expiry) => setRequest({ ...request, expiry })} />
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-answers`}>Answers allowed</label>
          <input id={`${baseId}-answers`} type="number" min={1} max={20} value={request.maxAnswers} onChange={(e) => setRequest({ ...request, maxAnswers: Math.min(20, Math.max(1, Number(e.target.value) || 1)) })} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || request.label.trim() === ''}>
            Create request link
          </button>
        </div>
      </form>

      <h3>Your requests</h3>
      {requests !== null && requests.length === 0 && <p className="empty">No requests yet.</p>}
      <ul className="plain" data-testid="request-list">
        {(requests ?? []).map((entry) => (
          <li key={entry.id} className="link-entry" data-testid="request-entry">
            <p>
              <strong>“{entry.label}”</strong> — {REQUEST_STATE_TEXT[entry.state]}
            </p>
            <p className="muted">
              {entry.received} of {entry.maxAnswers} answers received; expires {linkTime(entry.expiresAt)}. Answers wait in your Inbox.
            </p>
            <div className="actions">
              <button type="button" onClick={() => void copy(entry.id, 'request')}>
                Copy link
              </button>
              {entry.state === 'active' && (
                <button type="button" className="danger" disabled={busy} onClick={() => void end(entry.id, 'request')}>
                  Withdraw
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>

      <LinkOpener />
    </section>
  );
}
