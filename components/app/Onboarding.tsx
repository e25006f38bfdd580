/** First run: choose a strong master password, confirm it, and acknowledge that nobody can recover it. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { sendMessage } from '../../lib/protocol/send-message';
import { errorText } from '../kit/error-text';
import { Field, focusFirstInvalid } from '../kit/Field';
import { StrengthMeter } from '../kit/StrengthMeter';
import { MASTER_USER_INPUTS, masterPasswordProblem, useStrength } from '../kit/use-strength';

export interface OnboardingProps {
  onCreated: () => void;
}

interface Errors {
  password?: string;
  confirm?: string;
  understood?: string;
  form?: string;
}

export function Onboarding({ onCreated }: OnboardingProps) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const meterId = useId();
  const { strength, estimate, ready, failed } = useStrength(password, MASTER_USER_INPUTS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const next: Errors = {};
    const problem = masterPasswordProblem(password, ready, estimate(password)?.score ?? -1);
    if (problem !== null) next.password = problem;
    if (confirm !== password) next.confirm = 'The two passwords do not match.';
    if (!understood) next.understood = 'Tick this box to confirm you understand.';
    setErrors(next);
    if (Object.keys(next).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    const result = await sendMessage('vaultCreate', { password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setConfirm('');
      onCreated();
    } else if (result.error.code === 'weak-password') {
      setErrors({ password: errorText(result.error) });
    } else {
      setErrors({ form: errorText(result.error) });
    }
  }

  return (
    <main className="screen screen-narrow" data-testid="onboarding">
      <h1 className="brand">Sealpass</h1>
      <p className="lead">Create your vault. Everything in it is encrypted with your master password.</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field label="Master password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], meterId].filter(Boolean).join(' ')}
              type="password"
              autoComplete="new-password"
              autoFocus
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setErrors(({ password: _, ...rest }) => rest);
              }}
            />
          )}
        </Field>
        <StrengthMeter id={meterId} strength={strength} failed={failed} />
        <Field label="Confirm master password" error={errors.confirm}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => {
                setConfirm(e.target.value);
                setErrors(({ confirm: _, ...rest }) => rest);
              }}
            />
          )}
        </Field>
        <div className="warning" role="note">
          <strong>Nobody can recover this password.</strong> Not Sealpass, not your administrator, not anyone.
          If you forget it, everything in this vault is lost. Write it down and keep it somewhere safe.
        </div>
        <Field
          className="check"
          error={errors.understood}
          label="I understand that if I forget my master password, my vault cannot be recovered."
        >
          {(control) => (
            <input {...control} type="checkbox" checked={understood} onChange={(e) => {
                setUnderstood(e.target.checked);
                setErrors(({ understood: _, ...rest }) => rest);
              }} />
          )}
        </Field>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <button type="submit" className="primary wide" disabled={busy}>
          Create vault
        </button>
        <p className="status" role="status">{busy ? 'Creating your vault…' : ''}</p>
      </form>
    </main>
  );
}
