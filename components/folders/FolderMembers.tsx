/**
 * A folder's members: handle, role, autofill-only, end date. A manager adds people from verified contacts
 * (unverified ones are listed as such and cannot be chosen: T01), changes access, and removes people.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { AUTOFILL_ONLY_NOTE, folderTime, ROLE_TEXT } from './folder-text';

type View = ResponseOf<'folderGet'>;
type Role = View['members'][number]['role'];
type Contact = ResponseOf<'contactList'>['contacts'][number];

export interface MemberChange {
  role: Role;
  autofillOnly: boolean;
  accessEndsAt: number | null;
}

export interface FolderMembersProps {
  view: View;
  busy: boolean;
  onAdd: (request: MemberChange & { contactId: string }) => Promise<unknown>;
  onChange: (fingerprint: string, change: MemberChange) => Promise<unknown>;
  onRemove: (fingerprint: string) => Promise<unknown>;
}

/** A date input's value (YYYY-MM-DD) as the end of that day, local time; null for empty. */
function endOfDay(value: string): number | null {
  if (value === '') return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 23, 59, 59).getTime();
}

export function FolderMembers({ view, busy, onAdd, onChange, onRemove }: FolderMembersProps) {
  const call = useVaultCall();
  const baseId = useId();
  const isManager = view.status === 'member' && view.role === 'manager';
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [form, setForm] = useState({ contactId: '', role: 'viewer' as Role, autofillOnly: false, ends: '' });

  useEffect(() => {
    if (!isManager) return;
    void call('contactList', {}).then((result) => {
      if (result.ok) setContacts(result.contacts);
    });
  }, [call, isManager]);

  const present = new Set(view.members.map((m) => m.handle));
  const candidates = contacts.filter((c) => !present.has(c.handle));

  async function add(event: FormEvent) {
    event.preventDefault();
    await onAdd({ contactId: form.contactId, role: form.role, autofillOnly: form.autofillOnly, accessEndsAt: endOfDay(form.ends) });
    setForm({ contactId: '', role: 'viewer', autofillOnly: false, ends: '' });
  }

  return (
    <>
      <h3>People</h3>
      <table className="folder-members">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Autofill only</th>
            <th scope="col">Access ends</th>
            {isManager && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {view.members.map((m) => (
            <tr key={m.fingerprint}>
              <td>
                {m.handle}
                {m.me && ' (you)'}
              </td>
              <td>
                {isManager && !m.me ? (
                  <select
                    aria-label={`Role of ${m.handle}`}
                    value={m.role}
                    disabled={busy}
                    onChange={(e) => void onChange(m.fingerprint, { role: e.target.value as Role, autofillOnly: m.autofillOnly, accessEndsAt: m.accessEndsAt })}
                  >
                    {(['viewer', 'editor', 'manager'] as const).map((r) => (
                      <option key={r} value={r}>
                        {ROLE_TEXT[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_TEXT[m.role]
                )}
              </td>
              <td>
                {isManager && !m.me ? (
                  <input
                    type="checkbox"
                    aria-label={`Autofill only for ${m.handle}`}
                    checked={m.autofillOnly}
                    disabled={busy}
                    onChange={(e) => void onChange(m.fingerprint, { role: m.role, autofillOnly: e.target.checked, accessEndsAt: m.accessEndsAt })}
                  />
                ) : m.autofillOnly ? (
                  'Yes'
                ) : (
                  'No'
                )}
              </td>
              <td>
                {m.accessEndsAt === null ? 'Never' : folderTime(m.accessEndsAt)}
                {m.ended && ' (ended)'}
              </td>
              {isManager && (
                <td>
                  {!m.me && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(`Remove ${m.handle}? The folder key is rotated: nothing added or changed from now on opens for them.`)) void onRemove(m.fingerprint);
                      }}
                    >
                      Remove {m.handle}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {isManager && (
        <form className="add-member" onSubmit={(e) => void add(e)} aria-label="Add a person">
          <h4>Add a person</h4>
          <label htmlFor={`${baseId}-contact`}>Contact</label>
          <select id={`${baseId}-contact`} value={form.contactId} required onChange={(e) => setForm({ ...form, contactId: e.target.value })}>
            <option value="">Choose a verified contact…</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id} disabled={c.state !== 'verified'}>
                {c.handle}
                {c.state !== 'verified' && ' (not verified: compare safety numbers first)'}
              </option>
            ))}
          </select>
          <label htmlFor={`${baseId}-role`}>Role</label>
          <select id={`${baseId}-role`} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {(['viewer', 'editor', 'manager'] as const).map((r) => (
              <option key={r} value={r}>
                {ROLE_TEXT[r]}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={form.autofillOnly} onChange={(e) => setForm({ ...form, autofillOnly: e.target.checked })} /> Autofill only
          </label>
          <p className="hint">{AUTOFILL_ONLY_NOTE}</p>
          <label htmlFor={`${baseId}-ends`}>Access ends (optional)</label>
          <input id={`${baseId}-ends`} type="date" value={form.ends} onChange={(e) => setForm({ ...form, ends: e.target.value })} />
          <button type="submit" disabled={busy || form.contactId === ''}>
            Add to folder
          </button>
        </form>
      )}
    </>
  );
}
