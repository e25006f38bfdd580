/**
 * Contacts: everyone whose keys this vault has pinned, with their verification state; add by handle
 * (looked up on the relay, pinned unverified) or by pasting a contact code (verified); open one to
 * compare safety numbers. A changed key is flagged here and blocks sharing until re-verified (T01).
 * Issue 17: "Invite a colleague" gives the invite link (setting up sharing first if needed), and a pasted
 * invite link opens the invite (InviteJoin), which sets up sharing on the inviter's relay when needed.
 * A contact opened here can be removed (issue 17's "also expected").
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { ContactDetail } from './ContactDetail';
import { DamagedNotice } from './DamagedNotice';
import { InviteColleague } from './InviteColleague';
import { InviteJoin } from './InviteJoin';
import { sharingErrorText, STATE_TEXT } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type ContactRow = ResponseOf<'contactList'>['contacts'][number];

/** An invite link (`<relay>/invite/#…`) rather than a bare contact code; the background parses it for real. */
const looksLikeInvite = (text: string) => /^https?:\/\/[^#]+\/invite\/#/.test(text.trim());

const CHANGE_TEXT = {
  pinned: 'Added.',
  unchanged: 'Already in your contacts, with the same keys.',
  verified: 'Added and verified.',
  'key-changed': 'Warning: the relay now shows different keys for this person. Sharing with them is blocked until you verify again.',
  upgraded: 'Already in your contacts. They upgraded to post-quantum keys, so their safety number changed; their other keys are the same.',
  'downgrade-refused': 'Already in your contacts. The relay showed their keys without the post-quantum key you have pinned; that was refused and nothing changed.',
} as const;

export function Contacts() {
  const call = useVaultCall();
  const baseId = useId();
  const [contacts, setContacts] = useState<ContactRow[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [handle, setHandle] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [invite, setInvite] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('contactList', {});
    if (result.ok) {
      setContacts(result.contacts);
      setDamaged(result.damaged);
    } else setMessage({ text: sharingErrorText(result.error), error: true });
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent, how: 'handle' | 'code') {
    event.preventDefault();
    if (how === 'code' && looksLikeInvite(code)) {
      setInvite(code.trim());
      setCode('');
      return;
    }
    setBusy(true);
    const result = how === 'handle' ? await call('contactAdd', { handle: handle.trim() }) : await call('contactAddCode', { code: code.trim() });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: sharingErrorText(result.error), error: true });
      return;
    }
    setMessage({ text: CHANGE_TEXT[result.change], error: result.change === 'key-changed' });
    if (how === 'handle') setHandle('');
    else setCode('');
    setOpenId(result.id);
    await load();
  }

  if (invite !== null) {
    return (
      <InviteJoin
        link={invite}
        onClose={() => {
          setInvite(null);
          void load();
        }}
      />
    );
  }

  if (openId !== null) {
    return (
      <ContactDetail
        id={openId}
        onBack={() => { setOpenId(null); void load(); }}
        onRemoved={(removed) => {
          setOpenId(null);
          setMessage({ text: `Removed ${removed} from your contacts.`, error: false });
          void load();
        }}
      />
    );
  }

  return (
    <section className="contacts" data-testid="contacts" aria-labelledby={`${baseId}-title`}>
      <div className="section-head">
        <h2 id={`${baseId}-title`}>Contacts</h2>
        <button type="button" className="primary" aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
          Invite a colleague
        </button>
      </div>
      {inviting && <InviteColleague />}
      {message !== null && (
        <p className={message.error ? 'form-error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <DamagedNotice kind="contacts" count={damaged} />
      {contacts !== null && contacts.length === 0 && <p className="empty">No contacts yet. Invite a colleague, paste the invite link a colleague sent you, or add one by handle.</p>}
      {contacts !== null && contacts.length > 0 && (
        <ul className="plain contact-list">
          {contacts.map((c) => (
            <li key={c.id} className={`contact-row state-${c.state}`}>
              <button type="button" className="link" onClick={() => setOpenId(c.id)}>
                {c.handle}
              </button>
              <span className={`pill ${c.state === 'verified' ? 'ok' : c.state === 'changed' ? 'danger' : 'warn'}`}>{STATE_TEXT[c.state]}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="contact-add" onSubmit={(e) => void add(e, 'handle')}>
        <div className="field">
          <label htmlFor={`${baseId}-handle`}>Add by handle</label>
          <div className="input-row">
            <input id={`${baseId}-handle`} type="text" autoComplete="off" spellCheck={false} value={handle} onChange={(e) => setHandle(e.target.value)} />
            <button type="submit" disabled={busy || handle.trim() === ''}>
              Look up
            </button>
          </div>
          <p className="hint">The relay answers with their keys; they stay “not verified” until you compare safety numbers.</p>
        </div>
      </form>
      <form className="contact-add" onSubmit={(e) => void add(e, 'code')}>
        <div className="field">
          <label htmlFor={`${baseId}-code`}>Paste a contact code or invite link</label>
          <div className="input-row">
            <input id={`${baseId}-code`} type="text" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
            <button type="submit" disabled={busy || code.trim() === ''}>
              Add
            </button>
          </div>
          <p className="hint">
            It adds the contact with the keys it carries: as trustworthy as the way it reached you (in person or on a call: verified; by email or
            chat: compare the safety number afterwards).
          </p>
        </div>
      </form>
    </section>
  );
}
