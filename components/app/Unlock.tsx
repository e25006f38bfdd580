/** Unlock screen: the master password, and the one sentence that matters when it is wrong. */
import { useRef, useState, type FormEvent } from 'react';
import { sendMessage } from '../../lib/protocol/send-message';
import type { IntegrityReport } from '../../lib/vault/model/integrity-report';
import { errorText } from '../kit/error-text';
import { Field } from '../kit/Field';

export interface UnlockProps {
  /** `failedUnlocks`: attempts with a wrong password since the last unlock. */
  onUnlocked: (integrity: IntegrityReport, failedUnlocks: number) => void;
}

export function Unlock({ onUnlocked }: UnlockProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (password === '') {
      setError('Enter your master password.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await sendMessage('vaultUnlock', { password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onUnlocked(result.integrity, result.failedUnlocks);
      return;
    }
    // The typed password stays in the field so a one-letter slip can be fixed, selected for retyping.
    setError(errorText(result.error));
    input.current?.focus();
    input.current?.select();
  }

  return (
    <main className="screen screen-narrow" data-testid="unlock">
      <h1 className="brand">Sealpass</h1>
      <p className="lead">Your vault is locked.</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field label="Master password" error={error}>
          {(control) => (
            <input
              {...control}
              ref={input}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary wide" disabled={busy}>
          Unlock
        </button>
        <p className="status" role="status">{busy ? 'Unlocking…' : ''}</p>
      </form>
    </main>
  );
}
