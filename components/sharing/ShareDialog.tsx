/**
 * Share an item with one or more contacts: who, what they may do (view / edit / autofill-only, with the
 * plain note on what autofill-only is), and until when (none, 1 hour, 1 day, 7 days, 30 days, a date).
 * Contacts whose key changed cannot be picked (T01); unverified ones need an explicit confirmation.
 * Issue 17: nothing needs to be set up elsewhere first. Without sharing set up, the dialog sets it up and
 * gives the invite link for a colleague; a colleague is added by handle right here, chosen at once, with the
 * safety number to compare and "It matches".
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ExpiryChoice } from '../../lib/sharing/sharing-messages';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { ContactDetail } from './ContactDetail';
import { InviteColleague } from './InviteColleague';
import { AUTOFILL_ONLY_NOTE, PERMISSION_TEXT, sharingErrorText, STATE_TEXT, type PermissionChoice } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type ContactRow = ResponseOf<'contactList'>['contacts'][number];
type Preset = Exclude<ExpiryChoice, { at: number }> | 'date';

const PRESETS: { value: Preset; label: string }[] = [
  { value: 'none', label: 'No expiry' },
  { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: 'date', label: 'Until a date…' },
];

export interface ShareDialogProps {
  itemId: string;
  title: string;
  onShared: () => void;
  onCancel: () => void;
}

export function ShareDialog({ itemId, title, onShared, onCancel }: ShareDialogProps) {
  const call = useVaultCall();
  const baseId = useId();
  const [contacts, setContacts] = useState<ContactRow[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [permission, setPermission] = useState<PermissionChoice>('view');
  const [preset, setPreset] = useState<Preset>('none');
  const [date, setDate] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setUp, setSetUp] = useState<boolean | null>(null);
  const [inviting, setInviting] = useState(false);
  const [handle, setHandle] = useState('');
  /** The contact just added by handle, whose safety number is shown to compare. */
  const [added, setAdded] = useState<string | null>(null);

  const loadContacts = useCallback(async () => {
    const r = await call('contactList', {});
    if (r.ok) setContacts(r.contacts);
    else setError(sharingErrorText(r.error));
  }, [call]);

  useEffect(() => {
    void loadContacts();
    void call('sharingStatus', {}).then((r) => r.ok && setSetUp(r.identity !== null));
  }, [call, loadContacts]);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('contactAdd', { handle: handle.trim().toLowerCase() });
    setBusy(false);
    if (!result.ok) return setError(sharingErrorText(result.error));
    setError(null);
    setHandle('');
    setAdded(result.id);
    setChosen((now) => (now.includes(result.id) ? now : [...now, result.id]));
    await loadContacts();
  }

  const picked = (contacts ?? []).filter((c) => chosen.includes(c.id));
  const needsConfirm = picked.some((c) => c.state === 'unverified');

  async function share(event: FormEvent) {
    event.preventDefault();
    let expiry: ExpiryChoice;
    if (preset === 'date') {
      const at = new Date(date).getTime();
      if (Number.isNaN(at)) {
        setError('Choose the date and time the access ends.');
        return;
      }
      expiry = { at };
    } else expiry = preset;
    setBusy(true);
    const result = await call('shareCreate', { itemId, contactIds: chosen, permission, expiry, confirmedUnverified: confirmed });
    setBusy(false);
    if (result.ok) onShared();
    else setError(sharingErrorText(result.error));
  }

  return (
    <section className="share-dialog" data-testid="share-dialog" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>Share “{title}”</h2>
      {/* Sharing not set up, or asked for: set it up here and send a colleague the invite link. */}
      {(setUp === false || inviting) && (
        <InviteColleague
          onSetUp={() => {
            // The invite link stays in view once sharing is set up.
            setSetUp(true);
            setInviting(true);
          }}
        />
      )}
      {setUp === true && !inviting && (
        <button type="button" className="link" onClick={() => setInviting(true)}>
          Invite a colleague who does not use Sealpass sharing yet
        </button>
      )}
      {setUp === true && (
        <form className="contact-add" onSubmit={(e) => void lookUp(e)}>
          <div className="field">
            <label htmlFor={`${baseId}-handle`}>Add a colleague by handle</label>
            <div className="input-row">
              <input id={`${baseId}-handle`} type="text" autoComplete="off" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />
              <button type="submit" disabled={busy || handle.trim() === ''}>
                Look up
              </button>
            </div>
            <p className="hint">Once they joined through your invite, their handle is enough. Compare the safety number with them before you share.</p>
          </div>
        </form>
      )}
      {added !== null && (
        <ContactDetail
          key={added}
          id={added}
          backLabel="Hide the safety number"
          onBack={() => setAdded(null)}
          onVerified={() => void loadContacts()}
        />
      )}
      <form onSubmit={(e) => void share(e)}>
        {contacts !== null && contacts.length === 0 && setUp === true && <p className="empty">No contacts yet: invite a colleague, or add one by handle.</p>}
        {contacts !== null && contacts.length > 0 && (
          <fieldset>
            <legend>With</legend>
            {contacts.map((c) => (
              <div className="field check" key={c.id}>
                <input
                  id={`${baseId}-c-${c.id}`}
                  type="checkbox"
                  disabled={c.state === 'changed'}
                  checked={chosen.includes(c.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
                />
                <label htmlFor={`${baseId}-c-${c.id}`}>
                  {c.handle} <span className="muted">({STATE_TEXT[c.state]})</span>
                </label>
              </div>
            ))}
            {contacts.some((c) => c.state === 'changed') && <p className="hint">Contacts whose key changed cannot be chosen until you verify them again in Contacts.</p>}
          </fieldset>
        )}
        <fieldset>
          <legend>They can</legend>
          {(Object.keys(PERMISSION_TEXT) as PermissionChoice[]).map((p) => (
            <div className="field check" key={p}>
              <input id={`${baseId}-p-${p}`} type="radio" name={`${baseId}-permission`} checked={permission === p} onChange={() => setPermission(p)} />
              <label htmlFor={`${baseId}-p-${p}`}>{PERMISSION_TEXT[p]}</label>
            </div>
          ))}
          {permission === 'autofill-only' && <p className="hint warn-text">{AUTOFILL_ONLY_NOTE}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={`${baseId}-expiry`}>Access ends</label>
          <select id={`${baseId}-expiry`} value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {preset === 'date' && (
          <div className="field">
            <label htmlFor={`${baseId}-date`}>End date and time</label>
            <input id={`${baseId}-date`} type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} />
            <p className="hint">At most 90 days from now. Their copy is deleted at that time, even if their browser is offline.</p>
          </div>
        )}
        {needsConfirm && (
          <div className="field check">
            <input id={`${baseId}-confirm`} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <label htmlFor={`${baseId}-confirm`}>
              I have not compared safety numbers with {picked.filter((c) => c.state === 'unverified').map((c) => c.handle).join(', ')}; share anyway.
            </label>
          </div>
        )}
        {error !== null && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || chosen.length === 0 || (needsConfirm && !confirmed)}>
            Share
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
