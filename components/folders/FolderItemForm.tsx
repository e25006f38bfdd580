/** Adds an item to a folder: a new login typed here, or one of the vault's own items moved in. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RequestOf, ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';

type ItemInput = RequestOf<'folderItemAdd'>['item'];
type Summary = ResponseOf<'itemList'>['items'][number];

export interface LoginFields {
  title: string;
  username: string;
  password: string;
  url: string;
  notes: string;
}

/** The login fields as an item input. */
export function loginInputOf(fields: LoginFields): ItemInput {
  return { type: 'login', title: fields.title, username: fields.username, password: fields.password, urls: fields.url.trim() ? [fields.url.trim()] : [], notes: fields.notes };
}

/** Title, username, password, website and notes of a login; a note's title and text only. */
export function LoginFieldsForm({ fields, onChange, note = false }: { fields: LoginFields; onChange: (fields: LoginFields) => void; note?: boolean }) {
  const id = useId();
  const field = (name: keyof LoginFields, label: string, type = 'text') => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {name === 'notes' ? (
        <textarea id={`${id}-${name}`} value={fields[name]} onChange={(e) => onChange({ ...fields, [name]: e.target.value })} />
      ) : (
        <input id={`${id}-${name}`} type={type} value={fields[name]} required={name === 'title'} autoComplete="off" onChange={(e) => onChange({ ...fields, [name]: e.target.value })} />
      )}
    </>
  );
  return (
    <>
      {field('title', 'Title')}
      {!note && field('username', 'Username')}
      {!note && field('password', 'Password', 'password')}
      {!note && field('url', 'Website')}
      {field('notes', 'Notes')}
    </>
  );
}

export interface FolderItemFormProps {
  busy: boolean;
  onAdd: (item: ItemInput) => Promise<unknown>;
  onMove: (vaultItemId: string) => Promise<unknown>;
  onCancel: () => void;
}

export function FolderItemForm({ busy, onAdd, onMove, onCancel }: FolderItemFormProps) {
  const call = useVaultCall();
  const moveId = useId();
  const [fields, setFields] = useState<LoginFields>({ title: '', username: '', password: '', url: '', notes: '' });
  const [own, setOwn] = useState<Extract<Summary, { state: 'ok' }>[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    void call('itemList', {}).then((result) => {
      if (result.ok) setOwn(result.items.filter((i): i is Extract<Summary, { state: 'ok' }> => i.state === 'ok' && !i.shared && /^[0-9a-f]{32}$/.test(i.id)));
    });
  }, [call]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void onAdd(loginInputOf(fields));
  }

  return (
    <div className="folder-item-form">
      <form onSubmit={submit} aria-label="New folder login">
        <h4>New login in this folder</h4>
        <LoginFieldsForm fields={fields} onChange={setFields} />
        <button type="submit" disabled={busy || fields.title.trim() === ''}>
          Add to folder
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </form>
      {own.length > 0 && (
        <form
          aria-label="Move an item from the vault"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void onMove(chosen);
          }}
        >
          <h4>Or move one of your items in</h4>
          <p className="hint">It leaves your vault (to the trash) only once the folder holds it.</p>
          <label htmlFor={moveId}>Your item</label>
          <select id={moveId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose…</option>
            {own.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
                {item.username && ` (${item.username})`}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || chosen === ''}>
            Move into folder
          </button>
        </form>
      )}
    </div>
  );
}
