/**
 * Opening an invite link (issue 17): who invites, through which relay, and what accepting does, said before
 * anything changes. Without sharing set up, one handle and one click join the inviter's relay (checked
 * first) and pin the inviter; with sharing on another relay, why it cannot work and what to do. Afterwards
 * the inviter's contact opens, with the safety number to compare and the channel the keys came through.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { ContactDetail } from './ContactDetail';
import { CHANNEL_NOTE, sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type Preview = ResponseOf<'inviteOpen'>;

export interface InviteJoinProps {
  link: string;
  /** Back to where the link was pasted. */
  onClose: () => void;
}

export function InviteJoin({ link, onClose }: InviteJoinProps) {
  const call = useVaultCall();
  const baseId = useId();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [handle, setHandle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<{ contactId: string; problem: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    void call('inviteOpen', { link }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result);
      else setError(sharingErrorText(result.error));
    });
    return () => {
      live = false;
    };
  }, [call, link]);

  async function accept(event: FormEvent) {
    event.preventDefault();
    if (busy || preview === null) return;
    setBusy(true);
    setError(null);
    const result = await call('inviteAccept', { link, ...(preview.setUp ? {} : { handle: handle.trim().toLowerCase() }) });
    setBusy(false);
    if (!result.ok) return setError(sharingErrorText(result.error));
    setJoined({ contactId: result.contactId, problem: result.problem });
  }

  if (joined !== null) {
    return (
      <section className="invite-join" data-testid="invite-join" aria-labelledby={`${baseId}-done`}>
        <h2 id={`${baseId}-done`}>You can now share with {preview?.handle}</h2>
        {joined.problem !== null && (
          <p className="banner banner-warn" role="alert">
            {joined.problem}
          </p>
        )}
        <p className="hint">Tell {preview?.handle} your handle, so they can add you too; then compare the safety number below together.</p>
        <ContactDetail id={joined.contactId} onBack={onClose} backLabel="Done" />
      </section>
    );
  }

  return (
    <section className="invite-join" data-testid="invite-join" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{preview === null ? 'Invite' : `${preview.handle} invites you to share passwords`}</h2>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview !== null && (
        <form onSubmit={(e) => void accept(e)} aria-busy={busy}>
          <p>
            Through the relay at <strong>{preview.relayUrl}</strong>. Accepting adds <strong>{preview.handle}</strong> to your contacts with the keys in
            this link.
          </p>
          <p className="hint">{CHANNEL_NOTE}</p>
          {preview.known && <p className="status">{preview.handle} is already in your contacts; accepting checks the keys against the ones you have.</p>}
          {preview.setUp && !preview.sameRelay && (
            <p className="banner banner-warn">
              Your Sealpass shares through another relay. Handles reach each other only on one relay: change your relay in Settings → Sharing to{' '}
              {preview.relayUrl}, or ask {preview.handle} for an invite through yours.
            </p>
          )}
          {!preview.setUp && (
            <div className="field">
              <label htmlFor={`${baseId}-handle`}>Your handle</label>
              <input id={`${baseId}-handle`} type="text" autoComplete="off" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />
              <p className="hint">How colleagues will find you on this relay: lowercase letters, digits, “.”, “-” or “_”.</p>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || (!preview.setUp && handle.trim() === '') || (preview.setUp && !preview.sameRelay)}>
              {busy ? 'Checking the relay…' : preview.setUp ? `Add ${preview.handle}` : `Join and add ${preview.handle}`}
            </button>
            <button type="button" onClick={onClose} disabled={busy}>
              Not now
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
