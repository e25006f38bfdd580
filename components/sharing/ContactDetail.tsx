/**
 * One contact: the safety number to compare with them (in person or on a call), and "It matches" to
 * verify. When the relay showed other keys (T01), both numbers are shown with a warning, and sharing
 * stays blocked until the user confirms one of them or pastes the person's contact code. When the contact
 * upgraded to post-quantum keys, it says that this is why their number changed.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { formatTime, sharingErrorText, STATE_TEXT, suiteText, upgradedText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type Detail = ResponseOf<'contactGet'>['contact'];

export interface ContactDetailProps {
  id: string;
  onBack: () => void;
}

export function ContactDetail({ id, onBack }: ContactDetailProps) {
  const call = useVaultCall();
  const titleId = useId();
  const [contact, setContact] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    await load();
  }

  return (
    <section className="contact-detail" data-testid="contact-detail" aria-labelledby={titleId}>
      <button type="button" className="link back" onClick={onBack}>
        <span aria-hidden="true">←</span> All contacts
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
          <code className="digits safety-number" data-testid="safety-number">{contact.safetyNumber}</code>
          <p className="hint">Compare it with the number {contact.handle} sees for you. Same digits on both sides: nobody is in between.</p>
          <p className="hint" data-testid="contact-suite">
            {suiteText(contact.postQuantum)}
          </p>
          {contact.state !== 'verified' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void verify(contact.fingerprint)}>
              It matches: mark verified
            </button>
          )}
          {contact.state === 'verified' && <p className="status">Verified {formatTime(contact.verifiedAt)}.</p>}
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
