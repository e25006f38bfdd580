/** Restores an encrypted Sealpass export: the page reads the file and sends its text and the passphrase; the background decrypts and writes. */
import { useId, useState, type FormEvent } from 'react';
import { MAX_EXPORT_FILE_CHARS } from '../../lib/export/export-file-schema';
import { exportErrorText } from './export-error-text';
import { Field } from '../kit/Field';
import { useVaultCall } from '../kit/use-vault-call';

export interface RestoreExportProps {
  /** Items were added: the list should reload. */
  onRestored: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RestoreExport({ onRestored }: RestoreExportProps) {
  const call = useVaultCall();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone('');
    if (file === null) return setError('Choose a Sealpass export file.');
    if (passphrase === '') return setError('Enter the passphrase the export was made with.');
    // Bytes ≥ UTF-16 units for this JSON, so the size tells before reading whether it can be sent.
    if (file.size > MAX_EXPORT_FILE_CHARS) return setError('This file is too large to be a Sealpass export.');
    setBusy(true);
    setError(null);
    const result = await call('exportRestore', { fileText: await file.text(), passphrase });
    setBusy(false);
    if (!result.ok) {
      setError(exportErrorText(result.error));
      return;
    }
    setPassphrase('');
    setDone(
      `Restored ${result.added} items from the export of ${dateFormat.format(result.exportedAt)}.` +
        (result.skipped > 0 ? ` ${result.skipped} were already in this vault and were skipped.` : ''),
    );
    if (result.added > 0) onRestored();
  }

  return (
    <form className="restore-export" data-testid="restore-export" onSubmit={submit} noValidate aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId}>Restore an encrypted export</h3>
      <p className="hint">Adds the export’s items to this vault, with their history and times. Items already here are not duplicated.</p>
      <Field label="Export file">
        {(c) => <input {...c} type="file" accept=".json,application/json" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(null); }} />}
      </Field>
      <Field label="Passphrase of the export" error={error ?? undefined}>
        {(c) => <input {...c} type="password" autoComplete="off" value={passphrase} onChange={(e) => { setPassphrase(e.target.value); setError(null); }} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        Restore
      </button>
      <p className="status" role="status">{busy ? 'Decrypting and restoring…' : done}</p>
    </form>
  );
}
