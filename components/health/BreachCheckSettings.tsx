/**
 * The opt-in online breach check (Health): off until the user turns it on, with what exactly leaves the
 * device said next to the switch, and the service's address, which may point at a self-hosted mirror of
 * Have I Been Pwned's range API.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { breachRangeUrlSchema, DEFAULT_BREACH_RANGE_URL } from '../../lib/vault/model/settings';
import { errorText } from '../kit/error-text';
import { Field } from '../kit/Field';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

export interface BreachCheckSettingsProps {
  /** The setting changed: analyse again. */
  onChanged: () => void;
}

export function BreachCheckSettings({ onChanged }: BreachCheckSettingsProps) {
  const call = useVaultCall();
  const { settings, setSettings } = useVaultTools();
  const baseId = useId();
  const current = settings.breachCheck ?? { enabled: false, rangeUrl: DEFAULT_BREACH_RANGE_URL };
  const [address, setAddress] = useState(current.rangeUrl);
  const [error, setError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => setAddress(current.rangeUrl), [current.rangeUrl]);

  async function save(next: { enabled: boolean; rangeUrl: string }) {
    // Shown at once (the switch follows the click); put back if the background refuses it.
    const before = settings;
    setSettings({ ...settings, breachCheck: next });
    const result = await call('settingsSet', { settings: { ...before, breachCheck: next } });
    if (!result.ok) {
      setSettings(before);
      setSaveError(errorText(result.error));
      return;
    }
    setError(undefined);
    setSaveError(null);
    onChanged();
  }

  function saveAddress(event: FormEvent) {
    event.preventDefault();
    const typed = address.trim() === '' ? DEFAULT_BREACH_RANGE_URL : address.trim();
    if (!breachRangeUrlSchema.safeParse(typed).success) {
      setError('Enter an https:// address (http:// only for a mirror on this computer).');
      return;
    }
    void save({ ...current, rangeUrl: typed });
  }

  return (
    <form className="breach-check" data-testid="breach-check" onSubmit={saveAddress} aria-labelledby={`${baseId}-title`} noValidate>
      <h3 id={`${baseId}-title`}>Online breach check</h3>
      <div className="field check">
        <input
          id={`${baseId}-on`}
          type="checkbox"
          checked={current.enabled}
          aria-describedby={`${baseId}-what`}
          onChange={(e) => void save({ ...current, enabled: e.target.checked })}
        />
        <label htmlFor={`${baseId}-on`}>Check my passwords against known breaches online</label>
      </div>
      <p id={`${baseId}-what`} className="hint">
        Only the first 5 characters of each password’s SHA-1 hash are sent, and the answer is padded so its size
        tells nothing (Have I Been Pwned’s k-anonymity range API). Your passwords and their full hashes never leave
        this device. Off until you turn it on.
      </p>
      {saveError !== null && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      <details className="advanced">
        <summary>Service address</summary>
        <Field label="Range API address" error={error} hint="Have I Been Pwned’s, or a mirror of your own that speaks the same protocol.">
          {(c) => <input {...c} type="url" inputMode="url" spellCheck={false} value={address} onChange={(e) => setAddress(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">Save address</button>
          <button type="button" onClick={() => void save({ ...current, rangeUrl: DEFAULT_BREACH_RANGE_URL })}>
            Use Have I Been Pwned
          </button>
        </div>
      </details>
    </form>
  );
}
