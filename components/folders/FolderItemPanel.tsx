/**
 * One folder item opened: its fields (an autofill-only member sees no password: Sealpass fills it but never
 * shows or copies it), and for editors and managers an editor and Delete.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { LoginFieldsForm, loginInputOf, type LoginFields } from './FolderItemForm';
import { AUTOFILL_ONLY_NOTE, folderErrorText } from './folder-text';

type Opened = ResponseOf<'folderItemGet'>;
type ItemInput = RequestOf<'folderItemEdit'>['item'];

export interface FolderItemPanelProps {
  folderId: string;
  itemId: string;
  canEdit: boolean;
  busy: boolean;
  onSave: (input: ItemInput, baseRev: number) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
}

export function FolderItemPanel({ folderId, itemId, canEdit, busy, onSave, onDelete }: FolderItemPanelProps) {
  const call = useVaultCall();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<LoginFields | null>(null);
  const [shown, setShown] = useState(false);

  const load = useCallback(async () => {
    const result = await call('folderItemGet', { folderId, itemId });
    if (!result.ok) return setError(folderErrorText(result.error));
    setOpened(result);
  }, [call, folderId, itemId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <p role="alert" className="form-error">{error}</p>;
  if (!opened) return <p>Opening…</p>;
  const item = opened.item;
  const login = item.type === 'login' ? item : null;

  if (editing) {
    return (
      <form
        aria-label={`Edit ${item.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          const base = loginInputOf(editing);
          void onSave(item.type === 'note' ? { type: 'note', title: editing.title, notes: editing.notes } : base, opened.rev).then(() => setEditing(null));
        }}
      >
        <LoginFieldsForm fields={editing} onChange={setEditing} note={item.type === 'note'} />
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          Cancel
        </button>
      </form>
    );
  }

  return (
    <div className="folder-item">
      <dl>
        {login && (
          <>
            <dt>Username</dt>
            <dd>{login.username || '—'}</dd>
            <dt>Password</dt>
            <dd>
              {opened.masked ? (
                <span title={AUTOFILL_ONLY_NOTE}>Hidden: autofill only</span>
              ) : (
                <>
                  <span className="secret" data-testid="folder-password">
                    {shown ? login.password : '••••••••'}
                  </span>{' '}
                  <button type="button" onClick={() => setShown(!shown)}>
                    {shown ? 'Hide' : 'Show'}
                  </button>
                </>
              )}
            </dd>
            <dt>Website</dt>
            <dd>{login.urls[0] ?? '—'}</dd>
          </>
        )}
        {item.notes && (
          <>
            <dt>Notes</dt>
            <dd>{item.notes}</dd>
          </>
        )}
      </dl>
      {canEdit && !opened.masked && (
        <>
          <button type="button" disabled={busy} onClick={() => setEditing({ title: item.title, username: login?.username ?? '', password: login?.password ?? '', url: login?.urls[0] ?? '', notes: item.notes })}>
            Edit
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`Delete “${item.title}” from the folder for everyone?`)) void onDelete();
            }}
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}
