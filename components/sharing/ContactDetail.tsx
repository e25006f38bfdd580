/**
 * One contact: the safety number to compare with them (in person or on a call), laid out in numbered
 * groups, "It matches" to verify and "It doesn't match" for what to do then (issue 17). A contact pinned
 * from a pasted code or an invite says what that trust rests on. When the relay showed other keys (T01),
 * both numbers are shown with a warning, and sharing stays blocked until the user confirms one of them or
 * pastes the person's contact code. When the contact upgraded to post-quantum keys, it says that this is
 * why their number changed, and which suite shares with them use (issue 16).
 * Where `onRemoved` is given (Contacts), "Remove contact…" asks first, then removes them; the background
 * refuses while a share runs either way and says which (remove-contact.ts).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { SafetyNumber } from './SafetyNumber';
import { CHANNEL_NOTE, formatTime, sharingErrorText, STATE_TEXT, suiteText, upgradedText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type Detail = ResponseOf<'contactGet'>['contact'];

export interface ContactDetailProps {
  id: string;
  onBack: () => void;
  /** The back button's words; "All contacts" by default. */
  backLabel?: string;
  /** The user confirmed the safety number ("It matches"). */
  onVerified?: () => void;
  /** Offers "Remove contact…"; called with the handle once removed. */
  onRemoved?: (handle: string) => void;
}

export function ContactDetail({ id, onBack, backLabel = 'All contacts', onVerified, onRemoved }: ContactDetailProps) {
  const call = useVaultCall();
  const titleId = useId();
  const [contact, setContact] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [removing, setRemoving] = useState(false);

  const load = useCallback(async () => {
    const result = await call('contactGet', { id });
    if (result.ok) setContact(result.contact);
    else setError(sharingErrorText(result.error));
  }, [call, id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function verify(fingerprint: string) {
    setBusy(true);
    const result = await call('contactVerify', { id, fingerprint });
    setBusy(false);
    if (!result.ok) setError(sharingErrorText(result.error));
    else onVerified?.();
    await load();
  }

  async function remove(handle: string) {
    setBusy(true);
    const result = await call('contactRemove', { id });
    setBusy(false);
    setRemoving(false);
    if (!result.ok) setError(sharingErrorText(result.error));
    else onRemoved?.(handle);
  }

  return (
    <section className="contact-detail" data-testid="contact-detail" aria-labelledby={titleId}>
      <button type="button" className="link back" onClick={onBack}>
        <span aria-hidden="true">←</span> {backLabel}
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {contact !== null && (
        <>
          <h2 id={titleId}>
            {contact.handle} <span className={`pill ${contact.state === 'verified' ? 'ok' : contact.state === 'changed' ? 'danger' : 'warn'}`}>{STATE_TEXT[contact.state]}</span>
          </h2>
          {contact.state === 'changed' && contact.offered !== null && (
            <div className="banner banner-danger" role="alert">
              <strong>{contact.handle}’s key changed.</strong> On {formatTime(contact.offered.seenAt)} the relay showed keys other than the ones you
              pinned. Sharing with {contact.handle} is blocked. Ask them for their safety number or contact code: if the new number below matches
              theirs, confirm it; if the pinned one matches, the relay is lying, so paste their contact code instead.
            </div>
          )}
          {upgradedText(contact) !== null && (
            <p className="banner" data-testid="contact-upgraded">
              {upgradedText(contact)}
            </p>
          )}
          <h3>Safety number {contact.state === 'changed' ? '(pinned keys)' : ''}</h3>
          <SafetyNumber digits={contact.safetyNumber} />
          <p className="hint">
            Compare it with the number {contact.handle} sees for you (Contacts → you), in person or on a call: read the groups aloud in turn. Same digits on
            both sides: nobody is in between.
          </p>
          <p className="hint" data-testid="contact-suite">
            {suiteText(contact.postQuantum)}
          </p>
          {/* Pinned and verified at one moment: the keys came in a pasted code or an invite, not from a comparison. */}
          {contact.state === 'verified' && contact.verifiedAt === contact.pinnedAt && <p className="hint">{CHANNEL_NOTE}</p>}
          <div className="actions">
            {contact.state !== 'verified' && (
              <button type="button" className="primary" disabled={busy} onClick={() => void verify(contact.fingerprint)}>
                It matches: mark verified
              </button>
            )}
            <button type="button" aria-expanded={mismatch} onClick={() => setMismatch(!mismatch)}>
              It doesn’t match
            </button>
            {onRemoved !== undefined && (
              <button type="button" className="danger" aria-expanded={removing} disabled={busy} onClick={() => setRemoving(!removing)}>
                Remove contact…
              </button>
            )}
          </div>
          {removing && (
            <div className="banner banner-warn confirm" role="alertdialog" aria-labelledby={`${titleId}-remove`} data-testid="remove-contact-confirm">
              <p id={`${titleId}-remove`}>
                <strong>Remove {contact.handle} from your contacts?</strong> Their keys are forgotten: to share with them again, add them again and compare
                the safety number anew.
              </p>
              <div className="actions">
                <button type="button" className="danger" disabled={busy} onClick={() => void remove(contact.handle)}>
                  Yes, remove
                </button>
                <button type="button" onClick={() => setRemoving(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {contact.state === 'verified' && <p className="status">Verified {formatTime(contact.verifiedAt)}.</p>}
          {mismatch && (
            <div className="banner banner-danger" role="alert" data-testid="mismatch-help">
              <strong>Do not share with {contact.handle} for now.</strong> Different numbers mean the keys you have for {contact.handle} are not the ones
              their Sealpass has: the relay, or whoever could change the link or code on its way, may have put other keys in between. Check first that you
              both look at each other’s entry (you at {contact.handle}, they at you). If it still differs, ask {contact.handle} for their contact code in
              person or on a call and paste it in Contacts: it replaces these keys. Until then, whatever you share with this contact could be read by
              someone else.
            </div>
          )}
          {contact.offered !== null && (
            <>
              <h3>Safety number with the new keys</h3>
              <code className="digits safety-number" data-testid="offered-safety-number">{contact.offered.safetyNumber}</code>
              <button type="button" disabled={busy} onClick={() => void verify(contact.offered!.fingerprint)}>
                The new number matches: trust the new keys
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
