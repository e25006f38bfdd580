/** Settings: auto-lock and clipboard-clear delays (saved as soon as they change), and the master password form. */
import { useEffect, useId, useState } from 'react';
import { DEFAULT_ROTATION_DAYS } from '../../lib/health/rotation-status';
import type { Settings as SettingsValues } from '../../lib/vault/model/settings';
import { AutofillSettings } from './AutofillSettings';
import { ChangePassword } from './ChangePassword';
import { SharingSettings } from '../sharing/SharingSettings';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

const AUTO_LOCK_MINUTES = [1, 5, 15, 30, 60, 240, 0] as const;
const CLIPBOARD_SECONDS = [10, 30, 60, 120, 0] as const;
/** Offered rotation periods in days; 90 is the common policy and the default. */
const ROTATION_DAYS = [30, 60, 90, 180, 365] as const;

function minutesText(m: number): string {
  if (m === 0) return 'Never';
  if (m % 60 === 0) return m === 60 ? '1 hour' : `${m / 60} hours`;
  return m === 1 ? '1 minute' : `${m} minutes`;
}

function secondsText(s: number): string {
  if (s === 0) return 'Never';
  if (s % 60 === 0) return s === 60 ? '1 minute' : `${s / 60} minutes`;
  return `${s} seconds`;
}

/** The offered choices, plus the current value if it was set to something else (so the select never lies). */
function choices(offered: readonly number[], current: number): number[] {
  return offered.includes(current) ? [...offered] : [...offered.filter((v) => v !== 0), current, 0].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
}

export interface SettingsProps {
  /** Popup only: the audit log has no header button there, so Settings links to it. */
  onOpenAudit?: () => void;
}

export function Settings({ onOpenAudit }: SettingsProps) {
  const call = useVaultCall();
  const { settings, setSettings } = useVaultTools();
  const baseId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Re-read on open: the vault page or another popup may have changed them.
  useEffect(() => {
    let live = true;
    void call('settingsGet', {}).then((r) => {
      if (live && r.ok) setSettings(r.settings);
    });
    return () => {
      live = false;
    };
  }, [call, setSettings]);

  async function save(next: SettingsValues) {
    setStatus('Saving…');
    setError(null);
    const result = await call('settingsSet', { settings: next });
    if (result.ok) {
      setSettings(next);
      setStatus('Saved.');
    } else {
      setStatus('');
      setError(errorText(result.error));
    }
  }

  return (
    <section className="settings" data-testid="settings" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>Settings</h2>
      <div className="field">
        <label htmlFor={`${baseId}-lock`}>Auto-lock after</label>
        <select
          id={`${baseId}-lock`}
          value={settings.autoLockMinutes}
          onChange={(e) => void save({ ...settings, autoLockMinutes: Number(e.target.value) })}
        >
          {choices(AUTO_LOCK_MINUTES, settings.autoLockMinutes).map((m) => (
            <option key={m} value={m}>
              {minutesText(m)}
            </option>
          ))}
        </select>
        <p className="hint">The vault locks itself after this long without use, and always when the browser closes.</p>
      </div>
      <div className="field">
        <label htmlFor={`${baseId}-clip`}>Clear clipboard after</label>
        <select
          id={`${baseId}-clip`}
          value={settings.clipboardSeconds}
          onChange={(e) => void save({ ...settings, clipboardSeconds: Number(e.target.value) })}
        >
          {choices(CLIPBOARD_SECONDS, settings.clipboardSeconds).map((s) => (
            <option key={s} value={s}>
              {secondsText(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${baseId}-rotation`}>Remind me to change passwords after</label>
        <select
          id={`${baseId}-rotation`}
          value={settings.rotationDays ?? DEFAULT_ROTATION_DAYS}
          onChange={(e) => void save({ ...settings, rotationDays: Number(e.target.value) })}
        >
          {[...new Set<number>([...ROTATION_DAYS, settings.rotationDays ?? DEFAULT_ROTATION_DAYS])].sort((a, b) => a - b).map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
        <p className="hint">For logins without their own rotation period. Due passwords show in Health and on the toolbar icon.</p>
      </div>
      <p className="status" role="status">
        {status}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {onOpenAudit && (
        <p>
          <button type="button" onClick={onOpenAudit}>
            Audit log
          </button>
        </p>
      )}
      <AutofillSettings />
      <SharingSettings />
      <ChangePassword />
    </section>
  );
}
