/**
 * An item someone shared with this vault, marked "shared by", showing only what its permission allows:
 * with autofill-only there is no Reveal and no Copy for the password (the background never sends it to
 * this page) and the view says plainly that this is a convenience, not protection; with edit, changes
 * go to the owner, whose client checks the grant before applying them. Issue 17: the recipient reads what
 * the share lets them do (not the sharer's warning), sees a login's one-time code (view and edit), and a
 * copy that is gone says who ended it and when instead of just "not available".
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { ContentRows } from '../kit/ContentRows';
import { ItemViewStatus } from '../kit/ItemViewStatus';
import { TotpCode } from '../kit/TotpCode';
import { ReceivedItemEditor } from './ReceivedItemEditor';
import { endedText, expiryText, formatTime, PERMISSION_TEXT, recipientAutofillOnlyText, sharingErrorText, STATE_TEXT } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

type View = ResponseOf<'receivedGet'>['view'];

export interface ReceivedItemViewProps {
  id: string;
  /** The copy was removed (declined after accepting): leave the view. */
  onRemoved: () => void;
}

export function ReceivedItemView({ id, onRemoved }: ReceivedItemViewProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const titleId = useId();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    const result = await call('receivedGet', { id });
    if (result.ok) return setView(result.view);
    // A copy that ended: say who ended it and when, from the recipient's notices.
    const ended = result.error.code === 'not-found' ? await call('receivedEndedList', {}) : null;
    const notice = ended?.ok ? ended.ended.find((e) => e.id === id) : undefined;
    setError(notice ? endedText(notice) : sharingErrorText(result.error));
  }, [call, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const recordReveal = useCallback(async () => {
    const result = await call('itemRevealed', { id });
    if (!result.ok) showToast({ text: sharingErrorText(result.error) });
    return result.ok;
  }, [call, id, showToast]);

  async function remove() {
    const result = await call('inboxAnswer', { id, answer: 'decline', confirmedUnverified: false });
    if (result.ok) onRemoved();
    else showToast({ text: sharingErrorText(result.error) });
  }

  if (error !== null || view === null) return <ItemViewStatus testId="received-item-view" error={error} />;
  if (editing) {
    return <ReceivedItemEditor id={id} view={view} onDone={() => { setEditing(false); void load(); }} />;
  }

  const content = view.item.content;
  const hidden = view.permission === 'autofill-only';
  return (
    <article className="item-view received" data-testid="received-item-view" aria-labelledby={titleId}>
      <header className="item-head">
        <h2 id={titleId}>{content.title}</h2>
      </header>
      <p className="shared-marker" data-testid="shared-marker">
        Shared by <strong>{view.from.handle}</strong> <span className="muted">({STATE_TEXT[view.from.state]})</span> · {PERMISSION_TEXT[view.permission]} ·{' '}
        {expiryText(view.expiresAt)}
      </p>
      {view.missing !== null && <p className="banner banner-warn">Some updates from {view.from.handle} never arrived; the relay may have withheld them. This copy may be out of date.</p>}
      {view.editPending && <p className="banner banner-info">Your edit was sent to {view.from.handle}; it shows here once their Sealpass applies it.</p>}
      <dl className="details">
        <ContentRows
          id={id}
          content={content}
          onReveal={recordReveal}
          withheldNote={
            hidden ? (
              <p className="hint" data-testid="autofill-only-note">
                {recipientAutofillOnlyText(view.from.handle, content.type === 'login' ? content.urls.length : 0)}
              </p>
            ) : undefined
          }
        />
        {!hidden && content.type === 'login' && content.totp !== '' && (
          <div className="row">
            <dt>One-time code</dt>
            <dd>
              <TotpCode id={id} received />
            </dd>
          </div>
        )}
        <div className="row">
          <dt>Received</dt>
          <dd className="muted">{formatTime(view.receivedAt)}</dd>
        </div>
      </dl>
      <div className="actions">
        {view.permission === 'edit' && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" className="danger" onClick={() => void remove()}>
          Remove from my vault
        </button>
      </div>
    </article>
  );
}
