/**
 * Shared folders (issue 13) on the vault page: the folders this vault is in, a form to create one, and the
 * open folder's detail. Syncing runs with sharing's (every minute and on demand); "Sync now" asks at once.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { useVaultCall } from '../kit/use-vault-call';
import { FolderDetail } from './FolderDetail';
import { VerifyExport } from './VerifyExport';
import { folderErrorText, ROLE_TEXT, STATUS_TEXT } from './folder-text';

type Summary = ResponseOf<'folderList'>['folders'][number];

export function FoldersView() {
  const call = useVaultCall();
  const nameId = useId();
  const [folders, setFolders] = useState<Summary[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('folderList', {});
    if (!result.ok) return setError(folderErrorText(result.error));
    setFolders(result.folders);
    setDamaged(result.damaged);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('folderCreate', { name });
    setBusy(false);
    if (!result.ok) return setError(folderErrorText(result.error));
    setName('');
    await load();
    setOpen(result.folderId);
  }

  async function syncNow() {
    setBusy(true);
    // The mailbox first (folder keys arrive there), then every folder, whose errors are shown here.
    await call('sharingSync', {});
    const result = await call('folderSync', {});
    setBusy(false);
    if (!result.ok) setError(folderErrorText(result.error));
    else setError(result.errors.length ? result.errors.join(' ') : null);
    await load();
  }

  if (open !== null) return <FolderDetail folderId={open} onBack={() => void load().then(() => setOpen(null))} onGone={() => void load().then(() => setOpen(null))} />;

  return (
    <section className="panel folders" aria-labelledby={`${nameId}-h`}>
      <h2 id={`${nameId}-h`}>Shared folders</h2>
      <p className="hint">
        A shared folder holds logins and notes for a team. Members are added from your verified contacts; every change is signed, and every member’s
        Sealpass checks who made it and whether their role allowed it. The relay cannot add anyone.
      </p>
      {error && <p role="alert" className="form-error">{error}</p>}
      {damaged > 0 && (
        <p role="alert" className="form-error">
          {damaged === 1 ? 'One shared folder' : `${damaged} shared folders`} stored in this vault could not be opened (damaged). Your other folders and items are not affected.
        </p>
      )}
      <form onSubmit={(e) => void create(e)} className="row">
        <label htmlFor={nameId}>New folder</label>
        <input id={nameId} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} placeholder="Folder name" />
        <button type="submit" disabled={busy || name.trim() === ''}>
          Create folder
        </button>
        <button type="button" disabled={busy} onClick={() => void syncNow()}>
          Sync now
        </button>
      </form>
      {folders === null ? (
        <p>Loading…</p>
      ) : folders.length === 0 ? (
        <p>No shared folders yet.</p>
      ) : (
        <ul className="folder-list" aria-label="Shared folders">
          {folders.map((f) => (
            <li key={f.folderId}>
              <button type="button" className="link" onClick={() => setOpen(f.folderId)}>
                {f.name}
              </button>{' '}
              <span className="meta">
                {f.status === 'member' ? (f.role ? ROLE_TEXT[f.role].split(' (')[0] : 'Member') : STATUS_TEXT[f.status]} · {f.items} {f.items === 1 ? 'item' : 'items'} · {f.members}{' '}
                {f.members === 1 ? 'member' : 'members'}
                {f.alerts > 0 && ` · ${f.alerts} alert${f.alerts === 1 ? '' : 's'}`}
                {f.rotate > 0 && ` · passwords to rotate`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <VerifyExport />
    </section>
  );
}
