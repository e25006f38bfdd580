/**
 * The access panel of an item the user owns: Share…, who has access with what permission since when and
 * until when, how far each share got (delivered, accepted, last opened: signed receipts, as reported by
 * the recipient's client), Revoke per person or for everyone, a revoke that has not gone out yet (and the
 * relay's refusal, if any), and the rotation notice once access ended. A share given to keys the person no
 * longer has (they were verified with other keys since, T01) says so, gets no updates, and can be revoked
 * and given again to the verified keys in one step.
 * Issue 17: a revoke asks first (what it does and does not undo); the panel syncs when it opens and says
 * when the relay was last checked, so an answer given meanwhile shows without waiting for the poll.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import type { Item } from '../../lib/vault/model/item-schema';
import { DamagedNotice } from './DamagedNotice';
import { LastChecked } from './LastChecked';
import { RotateNotice } from './RotateNotice';
import { ShareDialog } from './ShareDialog';
import { expiryText, formatTime, PERMISSION_TEXT, sharingErrorText, STATE_TEXT } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

type Access = ResponseOf<'shareList'>;
type Entry = Access['entries'][number];

const GRANT_STATE_TEXT: Record<Entry['state'], string> = {
  pending: 'waiting for an answer',
  accepted: 'accepted',
  declined: 'declined',
  revoked: 'revoked',
  expired: 'expired',
};

export interface AccessPanelProps {
  item: Item;
  onEdit: (item: Item) => void;
}

export function AccessPanel({ item, onEdit }: AccessPanelProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const titleId = useId();
  const [access, setAccess] = useState<Access | null>(null);
  const [sharing, setSharing] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The revoke waiting for "Yes, revoke": some shares, or every open one (`all`). */
  const [confirming, setConfirming] = useState<{ shareIds: string[]; who: string } | { all: true; who: string } | null>(null);

  const load = useCallback(async () => {
    const result = await call('shareList', { itemId: item.id });
    if (result.ok) setAccess(result);
    return result.ok ? result : null;
  }, [call, item.id]);

  useEffect(() => {
    let live = true;
    // Shown now from what this vault knows, then again after a sync: answers given meanwhile appear (issue 17).
    // Only when someone has access: an item never shared asks nothing of the relay.
    void load().then(async (first) => {
      if (!first?.entries.some((e) => e.state === 'pending' || e.state === 'accepted')) return;
      const synced = await call('sharingSync', {});
      if (live && synced.ok) await load();
    });
    return () => {
      live = false;
    };
  }, [call, load]);

  async function revoke(shareIds?: string[]) {
    setConfirming(null);
    setBusy(true);
    const result = await call('shareRevoke', { itemId: item.id, ...(shareIds ? { shareIds } : {}) });
    setBusy(false);
    if (!result.ok) showToast({ text: sharingErrorText(result.error) });
    // A revoke that did not go out is not called done (T04): it waits in the outbox and the entry says so.
    else if (result.pending > 0) showToast({ text: `Revoke not delivered yet (${result.pending}): it goes out as soon as the relay takes it. Change the password: they may have kept a copy.` });
    else showToast({ text: `Access revoked (${result.revoked}). Change the password: they may have kept a copy.` });
    await load();
  }

  /** Revokes a share to replaced keys and offers the item to the verified ones, with the same permission and end. */
  async function shareAgain(e: Entry) {
    setBusy(true);
    const result = await call('shareCreate', { itemId: item.id, contactIds: [e.contactId], permission: e.permission, expiry: e.until === null ? 'none' : { at: e.until }, confirmedUnverified: false });
    setBusy(false);
    showToast({ text: result.ok ? `Shared again with ${e.handle}’s verified keys; the old share is revoked.` : sharingErrorText(result.error) });
    await load();
  }

  async function dismiss(shareId: string) {
    const result = await call('shareRotateDismiss', { itemId: item.id, shareId });
    if (!result.ok) showToast({ text: sharingErrorText(result.error) });
    await load();
  }

  if (sharing) {
    return (
      <ShareDialog
        itemId={item.id}
        title={item.content.title}
        onCancel={() => setSharing(false)}
        onShared={() => {
          setSharing(false);
          showToast({ text: 'Shared. It goes out as soon as the relay answers.' });
          void load();
        }}
      />
    );
  }

  const open = (access?.entries ?? []).filter((e) => e.state === 'pending' || e.state === 'accepted');
  return (
    <section className="access-panel" data-testid="access-panel" aria-labelledby={titleId}>
      <div className="section-head">
        <h3 id={titleId}>Shared with</h3>
        <button type="button" onClick={() => setSharing(true)}>
          Share…
        </button>
      </div>
      {access !== null && <RotateNotice item={item} notices={access.rotate} onEdit={onEdit} onDismiss={(id) => void dismiss(id)} />}
      {access !== null && <DamagedNotice kind="grants" count={access.damaged} />}
      {access !== null && access.entries.length === 0 && <p className="muted">Not shared with anyone.</p>}
      <ul className="plain access-list">
        {(access?.entries ?? []).map((e) => (
          <li key={e.shareId} className={`access-entry state-${e.state}`} data-testid="access-entry">
            <p>
              <strong>{e.handle}</strong> <span className="muted">({STATE_TEXT[e.contactState]})</span> · {PERMISSION_TEXT[e.permission]} ·{' '}
              {e.revokePending ? 'revoke not delivered yet' : GRANT_STATE_TEXT[e.state]}
            </p>
            {e.revokePending && (
              <p className={e.revokeError === null ? 'hint' : 'error'} role={e.revokeError === null ? undefined : 'alert'} data-testid="revoke-pending">
                {e.revokeError ?? 'The revoke goes out at the next sync; until then they keep their copy.'}
              </p>
            )}
            <p className="muted">
              Since {formatTime(e.since)}, {e.endedAt !== null ? `ended ${formatTime(e.endedAt)}` : expiryText(e.until)}.
            </p>
            <p className="muted">
              As reported by their client: delivered {formatTime(e.deliveredAt)}, accepted {formatTime(e.acceptedAt)}, last opened {formatTime(e.lastOpenedAt)}.
            </p>
            {e.keyReplaced && (
              <p className="banner banner-warn" data-testid="key-replaced">
                Shared with keys {e.handle} no longer has: you verified other keys for {e.handle} since.{' '}
                {e.state === 'pending' || e.state === 'accepted'
                  ? 'Whoever holds the old keys keeps what they received; this share gets no updates. Revoke it, and share again with the verified keys.'
                  : 'Whoever holds the old keys may have kept what they received.'}
              </p>
            )}
            {e.keyReplaced && (e.state === 'pending' || e.state === 'accepted') && (
              <button type="button" className="small" disabled={busy} onClick={() => void shareAgain(e)}>
                Revoke and share again with {e.handle}’s verified keys
              </button>
            )}
            {e.updatePending && !e.keyReplaced && (
              <p className="hint">{e.contactState === 'changed' ? 'Changes are held back until you verify their key again.' : 'Your latest changes will reach them at the next sync.'}</p>
            )}
            {(e.state === 'pending' || e.state === 'accepted') && (
              <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming({ shareIds: [e.shareId], who: e.handle })}>
                Revoke {e.handle}
              </button>
            )}
          </li>
        ))}
      </ul>
      {open.length > 1 && (
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming({ all: true, who: 'everyone' })}>
          Revoke everyone
        </button>
      )}
      {confirming !== null && (
        <div className="banner banner-warn confirm" role="alertdialog" aria-labelledby={`${titleId}-confirm`} data-testid="revoke-confirm">
          <p id={`${titleId}-confirm`}>
            <strong>Revoke {confirming.who === 'everyone' ? 'everyone’s' : `${confirming.who}’s`} access to “{item.content.title}”?</strong> Their copy is
            removed at their next sync, and they are told. Whatever they already saw or copied stays with them: change the password afterwards.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void revoke('all' in confirming ? undefined : confirming.shareIds)}>
              Yes, revoke
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {access !== null && access.entries.length > 0 && <LastChecked onSynced={() => void load()} />}
    </section>
  );
}
