/** Change the master password: current, new with a strength meter, confirmation; the background re-wraps the vault key. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../kit/error-text';
import { Field, focusFirstInvalid } from '../kit/Field';
import { NewPasswordField } from '../kit/NewPasswordField';
import { MASTER_USER_INPUTS, masterPasswordProblem, useStrength } from '../kit/use-strength';
import { useVaultCall } from '../kit/use-vault-call';

interface Errors {
  current?: string;
  next?: string;
  confirm?: string;
  form?: string;
}

export function ChangePassword() {
  const call = useVaultCall();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { strength, estimate, ready, failed } = useStrength(next, MASTER_USER_INPUTS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const found: Errors = {};
    if (current === '') found.current = 'Enter your current master password.';
    const problem = masterPasswordProblem(next, ready, estimate(next)?.score ?? -1);
    if (next !== '' && next === current) found.next = 'The new password is the same as the current one.';
    else if (problem !== null) found.next = problem;
    if (confirm !== next) found.confirm = 'The two new passwords do not match.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    const result = await call('vaultChangePassword', { current, next });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      return;
    }
    const text = errorText(result.error);
    if (result.error.code === 'wrong-password') setErrors({ current: text });
    else if (result.error.code === 'weak-password') setErrors({ next: text });
    else setErrors({ form: text });
    requestAnimationFrame(() => focusFirstInvalid(form.current));
  }

  return (
    <form ref={form} className="change-password" onSubmit={submit} noValidate aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId}>Change master password</h3>
      <Field label="Current master password" error={errors.current}>
        {(c) => <input {...c} type="password" autoComplete="current-password" value={current} onChange={(e) => {
              setCurrent(e.target.value);
              setErrors(({ current: _, ...rest }) => rest);
            }} />}
      </Field>
      <NewPasswordField
        label="New master password"
        error={errors.next}
        value={next}
        onChange={(value) => {
          setNext(value);
          setErrors(({ next: _, ...rest }) => rest);
        }}
        strength={strength}
        failed={failed}
      />
      <Field label="Confirm new master password" error={errors.confirm}>
        {(c) => <input {...c} type="password" autoComplete="new-password" value={confirm} onChange={(e) => {
              setConfirm(e.target.value);
              setErrors(({ confirm: _, ...rest }) => rest);
            }} />}
      </Field>
      <p className="hint">Nobody can recover the new password either.</p>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Change master password
      </button>
      <p className="status" role="status">
        {busy ? 'Changing the master password…' : done ? 'Master password changed.' : ''}
      </p>
    </form>
  );
}
