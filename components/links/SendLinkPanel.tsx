/**
 * "Send as link…" on an item (issue 14): which values go (username and password by default, never the
 * history), expiry, views and an optional passphrase; the link is sealed in the background and its URL
 * shown once here to copy.
 */
import { useId, useState, type FormEvent } from 'react';
import type { RequestOf } from '../../lib/protocol/protocol';
import type { Item } from '../../lib/vault/model/item-schema';
import { useVaultCall } from '../kit/use-vault-call';
import { CreatedLink } from './CreatedLink';
import { EXPIRY_CHOICES, linkErrorText, linkTime } from './link-text';

type Choice = Extract<RequestOf<'linkCreate'>['source'], { kind: 'item' }>['fields'][number];

const CHOICE_TEXT: Record<Choice, string> = {
  username: 'Username',
  password: 'Password',
  urls: 'Websites',
  totp: 'One-time code secret',
  notes: 'Notes',
  custom: 'Custom fields',
};

export function SendLinkPanel({ item }: { item: Item }) {
  const call = useVaultCall();
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const choices: Choice[] = item.content.type === 'login' ? ['username', 'password', 'urls', 'totp', 'notes', 'custom'] : ['notes', 'custom'];
  const [fields, setFields] = useState<Choice[]>(item.content.type === 'login' ? ['username', 'password'] : ['notes']);
  const [expiry, setExpiry] = useState<RequestOf<'linkCreate'>['expiry']>('1d');
  const [maxViews, setMaxViews] = useState(1);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; expiresAt: number } | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('linkCreate', { source: { kind: 'item', itemId: item.id, fields }, expiry, maxViews, passphrase });
    setBusy(false);
    if (!result.ok) return setError(linkErrorText(result.error));
    setError(null);
    setPassphrase('');
    setCreated({ url: result.url, expiresAt: result.expiresAt });
  }

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          Send as link…
        </button>
      </div>
    );
  }
  return (
    <section className="send-link" data-testid="send-link" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Send “{item.content.title}” as a one-time link</h3>
      {created ? (
        <CreatedLink
          url={created.url}
          hint={`Send it to anyone; they need no Sealpass. It works until ${linkTime(created.expiresAt)} or until opened ${maxViews === 1 ? 'once' : `${maxViews} times`}.${passphrase ? '' : ' Send a passphrase, if you set one, another way.'} See it in Links.`}
        />
      ) : (
        <form onSubmit={(e) => void create(e)}>
          <fieldset>
            <legend>What goes in the link</legend>
            {choices.map((choice) => (
              <div className="field check" key={choice}>
                <input
                  id={`${baseId}-${choice}`}
                  type="checkbox"
                  checked={fields.includes(choice)}
                  onChange={(e) => setFields(e.target.checked ? [...fields, choice] : fields.filter((f) => f !== choice))}
                />
                <label htmlFor={`${baseId}-${choice}`}>{CHOICE_TEXT[choice]}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${baseId}-expiry`}>Expires after</label>
            <select id={`${baseId}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value as typeof expiry)}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-views`}>Maximum views</label>
            <input id={`${baseId}-views`} type="number" min={1} max={100} value={maxViews} onChange={(e) => setMaxViews(Math.min(100, Math.max(1, Number(e.target.value) || 1)))} />
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-passphrase`}>Passphrase (optional)</label>
            <input id={`${baseId}-passphrase`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            <p className="hint">Mixed into the key: without it the link opens nothing. Give it to them another way (a call, say).</p>
          </div>
          {error !== null && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || fields.length === 0}>
              Create link
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
