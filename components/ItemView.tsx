/** One opened item: every field, masked secrets with Reveal (recorded in the audit log), Copy, Open, Edit and Delete. */
import { useCallback, useEffect, useId, useState } from 'react';
import type { Item } from '../lib/vault/item-schema';
import { AccessPanel } from './AccessPanel';
import { errorText } from './error-text';
import { inputFromContent } from './item-form';
import { SecretValue } from './SecretValue';
import { TotpCode } from './TotpCode';
import { useCopy } from './use-copy';
import { useVaultCall } from './use-vault-call';
import { useVaultTools } from './vault-context';

export interface ItemViewProps {
  id: string;
  onEdit: (item: Item) => void;
  onDeleted: (id: string, title: string) => void;
  /** Something in the list changed (favourite). */
  onChanged: () => void;
}

/** Only web addresses are opened: a saved `javascript:` or `file:` URL must never run from our page. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ItemView({ id, onEdit, onDeleted, onChanged }: ItemViewProps) {
  const call = useVaultCall();
  const copy = useCopy();
  const { showToast } = useVaultTools();
  const titleId = useId();
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('itemGet', { id });
    if (result.ok) {
      setItem(result.item);
      setError(null);
    } else {
      setError(errorText(result.error));
    }
  }, [call, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const recordReveal = useCallback(async () => {
    const result = await call('itemRevealed', { id });
    if (!result.ok) showToast({ text: errorText(result.error) });
    return result.ok;
  }, [call, id, showToast]);

  if (error !== null) {
    return (
      <article className="item-view" data-testid="item-view">
        <p className="form-error" role="alert">{error}</p>
      </article>
    );
  }
  if (item === null) {
    return (
      <article className="item-view" data-testid="item-view" aria-busy="true">
        <p className="status">Opening…</p>
      </article>
    );
  }

  const content = item.content;

  async function toggleFavourite() {
    setBusy(true);
    const result = await call('itemUpdate', { id, item: { ...inputFromContent(content), favourite: !content.favourite } });
    setBusy(false);
    if (!result.ok) {
      showToast({ text: errorText(result.error) });
      return;
    }
    await load();
    onChanged();
  }

  async function remove() {
    setBusy(true);
    const result = await call('itemDelete', { id });
    setBusy(false);
    if (result.ok) onDeleted(id, content.title);
    else showToast({ text: errorText(result.error) });
  }

  return (
    <article className="item-view" data-testid="item-view" aria-labelledby={titleId}>
      <header className="item-head">
        <h2 id={titleId}>{content.title}</h2>
        <button
          type="button"
          className={content.favourite ? 'star-toggle on' : 'star-toggle'}
          aria-pressed={content.favourite}
          disabled={busy}
          onClick={() => void toggleFavourite()}
        >
          <span aria-hidden="true">{content.favourite ? '★' : '☆'}</span> Favourite
        </button>
      </header>
      <dl className="details">
        {content.type === 'login' && (
          <>
            <div className="row">
              <dt>Username</dt>
              <dd>
                {content.username !== '' ? (
                  <>
                    <span className="value">{content.username}</span>
                    <button type="button" className="small" onClick={() => void copy(id, 'username', content.username)}>
                      Copy username
                    </button>
                  </>
                ) : (
                  <span className="muted">None</span>
                )}
              </dd>
            </div>
            <div className="row">
              <dt>Password</dt>
              <dd>
                {content.password !== '' ? (
                  <>
                    <SecretValue value={content.password} onReveal={recordReveal} />
                    <button type="button" className="small" onClick={() => void copy(id, 'password', content.password)}>
                      Copy password
                    </button>
                  </>
                ) : (
                  <span className="muted">None</span>
                )}
              </dd>
            </div>
            {content.urls.length > 0 && (
              <div className="row">
                <dt>{content.urls.length === 1 ? 'Website' : 'Websites'}</dt>
                <dd>
                  <ul className="plain">
                    {content.urls.map((url) => (
                      <li key={url}>
                        <span className="value url">{url}</span>
                        {isWebUrl(url) && (
                          <button
                            type="button"
                            className="small"
                            aria-label={`Open ${url}`}
                            onClick={() => window.open(url, '_blank', 'noopener')}
                          >
                            Open
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  <p className="hint">
                    Fills on {content.match === 'origin' ? 'this exact address only' : 'the whole site, including subdomains'}.
                  </p>
                </dd>
              </div>
            )}
            <div className="row">
              <dt>One-time code</dt>
              <dd>{content.totp !== '' ? <TotpCode id={id} /> : <span className="muted">None</span>}</dd>
            </div>
          </>
        )}
        {content.notes !== '' && (
          <div className="row">
            <dt>Notes</dt>
            <dd className="notes">{content.notes}</dd>
          </div>
        )}
        {content.fields.map((field, i) => (
          <div className="row" key={`${i}-${field.name}`}>
            <dt>{field.name}</dt>
            <dd>
              {field.hidden ? <SecretValue value={field.value} name={field.name} onReveal={recordReveal} /> : <span className="value">{field.value}</span>}
            </dd>
          </div>
        ))}
        {content.folder !== '' && (
          <div className="row">
            <dt>Folder</dt>
            <dd>{content.folder}</dd>
          </div>
        )}
        {content.tags.length > 0 && (
          <div className="row">
            <dt>Tags</dt>
            <dd>
              <ul className="tags">
                {content.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="row">
          <dt>Updated</dt>
          <dd className="muted">{dateFormat.format(content.updatedAt)}</dd>
        </div>
      </dl>
      {content.type === 'login' && content.passwordHistory.length > 0 && (
        <details className="history">
          <summary>Password history ({content.passwordHistory.length})</summary>
          <ul className="plain">
            {[...content.passwordHistory]
              .sort((a, b) => b.changedAt - a.changedAt)
              .map((entry, i) => (
                <li key={`${entry.changedAt}-${i}`}>
                  <span className="muted">Until {dateFormat.format(entry.changedAt)}</span>
                  <SecretValue value={entry.password} name={`previous password ${i + 1}`} onReveal={recordReveal} />
                </li>
              ))}
          </ul>
        </details>
      )}
      <div className="actions">
        <button type="button" onClick={() => onEdit(item)}>
          Edit
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
          Delete
        </button>
      </div>
      <AccessPanel key={item.rev} item={item} onEdit={onEdit} />
    </article>
  );
}
