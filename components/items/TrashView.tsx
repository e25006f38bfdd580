/**
 * The Trash: items deleted in the last 30 days, newest first, each with when it goes for good and Restore.
 * Undo in the toast stays for the moment right after a delete; this is where a delete is undone later.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { DeletedItem } from '../../lib/vault/model/deleted-item';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

export interface TrashViewProps {
  /** An item came back: the list should reload. */
  onRestored: () => void;
  onOpenItem: (id: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function TrashView({ onRestored, onOpenItem }: TrashViewProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const headingId = useId();
  const [items, setItems] = useState<DeletedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('itemTrashList', {});
    if (result.ok) {
      setItems(result.items);
      setError(null);
    } else {
      setError(errorText(result.error));
    }
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function restore(item: DeletedItem) {
    setBusy(item.id);
    const result = await call('itemRestore', { id: item.id });
    setBusy(null);
    if (!result.ok) {
      showToast({ text: errorText(result.error) });
      await load();
      return;
    }
    onRestored();
    await load();
    showToast({ text: `Restored “${item.title}”.`, action: { label: 'Open it', run: () => onOpenItem(item.id) } });
  }

  return (
    <section className="trash" data-testid="trash" aria-labelledby={headingId}>
      <h2 id={headingId}>Trash</h2>
      <p className="hint">Deleted items stay here for 30 days, then they are removed for good.</p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items === null && error === null && <p className="status">Loading…</p>}
      {items !== null && items.length === 0 && <p className="empty">The trash is empty.</p>}
      {items !== null && items.length > 0 && (
        <ul className="findings">
          {items.map((item) => (
            <li key={item.id} className="finding" data-testid="trash-entry">
              <div className="finding-text">
                <span className="item-title">{item.title}</span>
                <span className="item-sub">{item.type === 'note' ? 'Secure note' : item.username}</span>
                <span className="finding-detail">
                  Deleted {timeFormat.format(item.deletedAt)}; removed for good on {dateFormat.format(item.purgeAt)}.
                </span>
              </div>
              <div className="finding-actions">
                <button type="button" className="small" disabled={busy !== null} onClick={() => void restore(item)}>
                  <span>Restore</span>
                  <span className="visually-hidden"> {item.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
