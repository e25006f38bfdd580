/** One opened item: every field, masked secrets with Reveal (recorded in the audit log), Copy, Open, Edit and Delete. */
import { useCallback, useEffect, useId, useState } from 'react';
import type { Item } from '../../lib/vault/model/item-schema';
import { AccessPanel } from '../sharing/AccessPanel';
import { SendLinkPanel } from '../links/SendLinkPanel';
import { ContentRows } from '../kit/ContentRows';
import { errorText } from '../kit/error-text';
import { ItemViewStatus } from '../kit/ItemViewStatus';
import { SecretValue } from '../kit/SecretValue';
import { TotpCode } from '../kit/TotpCode';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

export interface ItemViewProps {
  id: string;
  onEdit: (item: Item) => void;
  onDeleted: (id: string, title: string) => void;
  /** Something in the list changed (favourite). */
  onChanged: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ItemView({ id, onEdit, onDeleted, onChanged }: ItemViewProps) {
  const call = useVaultCall();
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

  if (error !== null || item === null) return <ItemViewStatus testId="item-view" error={error} />;

  const content = item.content;

  async function toggleFavourite() {
    setBusy(true);
    const result = await call('itemFavourite', { id, favourite: !content.favourite });
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
        <ContentRows
          id={id}
          content={content}
          onReveal={recordReveal}
          websitesHint={
            content.type === 'login' && (
              <p className="hint">
                Fills on {content.match === 'origin' ? 'this exact address only' : 'the whole site, including subdomains'}.
              </p>
            )
          }
          loginExtra={
            <div className="row">
              <dt>One-time code</dt>
              <dd>{content.type === 'login' && content.totp !== '' ? <TotpCode id={id} /> : <span className="muted">None</span>}</dd>
            </div>
          }
        />
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
      <SendLinkPanel key={`link-${item.id}`} item={item} />
    </article>
  );
}
