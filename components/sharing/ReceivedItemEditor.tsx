/**
 * Editing an item shared with "edit" permission: the shared fields only (title, username, password,
 * address, notes). Saving sends the change to the owner, made from the version on screen; the copy
 * changes once the owner's client applied it and sent the new version.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { sharedInput } from '../../lib/vault/model/item-fields';
import type { ItemInput } from '../../lib/vault/model/item-schema';
import { sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

type View = ResponseOf<'receivedGet'>['view'];

export interface ReceivedItemEditorProps {
  id: string;
  view: View;
  onDone: () => void;
}

export function ReceivedItemEditor({ id, view, onDone }: ReceivedItemEditorProps) {
  const call = useVaultCall();
  const baseId = useId();
  const content = view.item.content;
  const [title, setTitle] = useState(content.title);
  const [username, setUsername] = useState(content.type === 'login' ? content.username : '');
  const [password, setPassword] = useState(content.type === 'login' ? content.password : '');
  const [url, setUrl] = useState(content.type === 'login' ? (content.urls[0] ?? '') : '');
  const [notes, setNotes] = useState(content.notes);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') {
      setError('A title is required.');
      return;
    }
    // Only shared fields go to the owner (lib/vault/model/item-fields); this form edits five of them.
    const item: ItemInput =
      content.type === 'login'
        ? { ...sharedInput(content), title: title.trim(), notes, username, password, urls: [url.trim(), ...content.urls.slice(1)].filter((u) => u !== '') }
        : { ...sharedInput(content), title: title.trim(), notes };
    setBusy(true);
    const result = await call('receivedEdit', { id, item, baseVersion: view.item.rev });
    setBusy(false);
    if (result.ok) onDone();
    else setError(sharingErrorText(result.error));
  }

  const field = (key: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className="field">
      <label htmlFor={`${baseId}-${key}`}>{label}</label>
      <input id={`${baseId}-${key}`} type={type} autoComplete="off" spellCheck={false} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );

  return (
    <form className="item-editor" data-testid="received-item-editor" onSubmit={(e) => void save(e)} aria-busy={busy}>
      <h2>Edit shared item</h2>
      <p className="hint">Your changes go to {view.from.handle}, who owns this item; everyone it is shared with then gets them.</p>
      {field('title', 'Title', title, setTitle)}
      {content.type === 'login' && (
        <>
          {field('username', 'Username', username, setUsername)}
          {field('password', 'Password', password, setPassword, 'password')}
          {field('url', 'Website', url, setUrl, 'url')}
        </>
      )}
      <div className="field">
        <label htmlFor={`${baseId}-notes`}>Notes</label>
        <textarea id={`${baseId}-notes`} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Send to {view.from.handle}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
