/** The plain CSV export, behind a confirmation that says in plain words what an unencrypted file means. */
import { useId, useState, type FormEvent } from 'react';
import { downloadFile } from '../kit/download-file';
import { exportErrorText } from './export-error-text';
import { Field } from '../kit/Field';
import { useVaultCall } from '../kit/use-vault-call';

export function PlainExport() {
  const call = useVaultCall();
  const headingId = useId();
  const [understood, setUnderstood] = useState(false);
  const [master, setMaster] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !understood) return;
    setDone('');
    if (master === '') {
      setError('Enter your master password.');
      return;
    }
    setBusy(true);
    const result = await call('exportPlain', { masterPassword: master, confirmed: true });
    setBusy(false);
    if (!result.ok) {
      setError(exportErrorText(result.error));
      return;
    }
    downloadFile(result.fileText, result.fileName, 'text/csv');
    setMaster('');
    setUnderstood(false);
    setError(null);
    setDone(`Saved ${result.itemCount} items in clear text to ${result.fileName}. Import it where you need it, then delete it and empty the bin.`);
  }

  return (
    <form className="export-plain" data-testid="export-plain" onSubmit={submit} noValidate aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId}>Plain CSV export (not encrypted)</h3>
      <div className="warning" role="note">
        <p><strong>This file is not protected.</strong> It holds every password, username, note and one-time-code secret in clear text.</p>
        <p>
          Anyone who gets it — from your Downloads folder, a backup, a synced drive, a shared computer or an email — can read all of
          it without any password. Use it only to move to another password manager, do not open it in a spreadsheet or send it to
          anyone, and delete it (and empty the bin) as soon as the import is done. For a backup, use the encrypted export above.
        </p>
        <p className="hint">Columns as Bitwarden writes them. Tags, password history and hidden-field flags are not included.</p>
      </div>
      <Field className="check" label="I understand that this file will not be encrypted">
        {(c) => <input {...c} type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />}
      </Field>
      <Field label="Master password" error={error ?? undefined}>
        {(c) => <input {...c} type="password" autoComplete="current-password" disabled={!understood} value={master} onChange={(e) => { setMaster(e.target.value); setError(null); }} />}
      </Field>
      <button type="submit" className="danger" disabled={busy || !understood}>
        Export plain CSV
      </button>
      <p className="status" role="status">{busy ? 'Preparing the file…' : done}</p>
    </form>
  );
}
