/** The encrypted Sealpass export: master password again, a strong passphrase typed twice; the background seals, this page saves the file. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { downloadFile } from '../kit/download-file';
import { exportErrorText } from './export-error-text';
import { Field, focusFirstInvalid } from '../kit/Field';
import { NewPasswordField } from '../kit/NewPasswordField';
import { MIN_MASTER_SCORE, useStrength } from '../kit/use-strength';
import { useVaultCall } from '../kit/use-vault-call';

/** Words that make an export passphrase guessable here. */
const EXPORT_USER_INPUTS = ['sealpass', 'export', 'backup', 'vault', 'password'] as const;
/** Mirrors the background's floor (create-export-handlers); the strength score is the real bar. */
const MIN_LENGTH = 12;

interface Errors {
  master?: string;
  passphrase?: string;
  confirm?: string;
  form?: string;
}

export function EncryptedExport() {
  const call = useVaultCall();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [master, setMaster] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { strength, estimate, ready, failed } = useStrength(passphrase, EXPORT_USER_INPUTS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone('');
    const found: Errors = {};
    if (master === '') found.master = 'Enter your master password.';
    if (passphrase.length < MIN_LENGTH) found.passphrase = `Use at least ${MIN_LENGTH} characters.`;
    else if (!ready) found.passphrase = 'Still loading the strength check. Try again in a moment.';
    else if ((estimate(passphrase)?.score ?? 0) < MIN_MASTER_SCORE) found.passphrase = 'Too weak. Choose a passphrase rated at least “Strong”.';
    if (confirm !== passphrase) found.confirm = 'The two passphrases do not match.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    const result = await call('exportEncrypted', { masterPassword: master, passphrase });
    setBusy(false);
    if (!result.ok) {
      const text = exportErrorText(result.error);
      setErrors(result.error.code === 'wrong-password' ? { master: text } : result.error.code === 'weak-password' ? { passphrase: text } : { form: text });
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    downloadFile(result.fileText, result.fileName, 'application/json');
    setMaster('');
    setPassphrase('');
    setConfirm('');
    setDone(
      `Exported ${result.itemCount} items to ${result.fileName}.${result.skipped > 0 ? ` ${result.skipped} damaged items could not be included.` : ''} ` +
        'Keep the passphrase safe: without it nobody, not even you, can open the file.',
    );
  }

  const clear = (key: keyof Errors) => setErrors(({ [key]: _, ...rest }) => rest);
  return (
    <form ref={form} className="export-encrypted" data-testid="export-encrypted" onSubmit={submit} noValidate aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId}>Encrypted export</h3>
      <p className="hint">
        A Sealpass file with every item, its password history, folders, tags and times, encrypted with a passphrase you choose
        (Argon2id and XChaCha20-Poly1305). Use it as a backup, or to move to Sealpass in another browser.
      </p>
      <Field label="Master password" error={errors.master} hint="Asked again, so nobody can export an unlocked vault in passing.">
        {(c) => <input {...c} type="password" autoComplete="current-password" value={master} onChange={(e) => { setMaster(e.target.value); clear('master'); }} />}
      </Field>
      <NewPasswordField
        label="Export passphrase"
        error={errors.passphrase}
        value={passphrase}
        onChange={(value) => { setPassphrase(value); clear('passphrase'); }}
        strength={strength}
        failed={failed}
      />
      <Field label="Confirm export passphrase" error={errors.confirm}>
        {(c) => <input {...c} type="password" autoComplete="new-password" value={confirm} onChange={(e) => { setConfirm(e.target.value); clear('confirm'); }} />}
      </Field>
      {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
      <button type="submit" className="primary" disabled={busy}>
        Export encrypted file
      </button>
      <p className="status" role="status">{busy ? 'Encrypting the export…' : done}</p>
    </form>
  );
}
