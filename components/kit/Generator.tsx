/**
 * The password and passphrase generator: options, entropy, Regenerate, Copy, and Use when opened from the
 * editor. It remembers its options (Settings → generator, saved a moment after the last change), so the
 * next password comes the way the user set it up.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { GeneratorPrefs } from '../../lib/vault/model/settings';
import { useVaultCall } from './use-vault-call';
import { useVaultTools } from './vault-context';
import { passphraseEntropyBits, passwordEntropyBits } from '../../lib/generator/entropy-bits';
import {
  DEFAULT_PASSPHRASE_OPTIONS,
  generatePassphrase,
  MAX_PASSPHRASE_WORDS,
  MAX_SEPARATOR_LENGTH,
  MIN_PASSPHRASE_WORDS,
  type PassphraseOptions,
} from '../../lib/generator/generate-passphrase';
import {
  DEFAULT_PASSWORD_OPTIONS,
  generatePassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordOptions,
} from '../../lib/generator/generate-password';
import { useCopy } from './use-copy';

type Mode = 'password' | 'passphrase';
type CharacterSet = 'lower' | 'upper' | 'digits' | 'symbols';

const CHARACTER_SETS: { key: CharacterSet; label: string }[] = [
  { key: 'lower', label: 'Lowercase (a–z)' },
  { key: 'upper', label: 'Uppercase (A–Z)' },
  { key: 'digits', label: 'Digits (0–9)' },
  { key: 'symbols', label: 'Symbols (!#$%…)' },
];

export interface GeneratorProps {
  /** Given when opened from the editor: shows "Use", which puts the value into the password field. */
  onUse?: (password: string) => void;
}

/** A few words on what the entropy means, for people who do not think in bits. */
function entropyWords(bits: number): string {
  if (bits >= 100) return 'excellent';
  if (bits >= 75) return 'strong';
  if (bits >= 50) return 'fair';
  return 'weak';
}

/** Waits this long after the last change before saving the options (a slider sends many changes). */
const SAVE_DELAY_MS = 500;

function prefsOf(mode: Mode, password: PasswordOptions, passphrase: PassphraseOptions): GeneratorPrefs {
  return {
    mode,
    length: password.length,
    lower: password.lower,
    upper: password.upper,
    digits: password.digits,
    symbols: password.symbols,
    avoidAmbiguous: password.avoidAmbiguous === true,
    words: passphrase.words,
    separator: passphrase.separator,
    capitalize: passphrase.capitalize,
    includeNumber: passphrase.includeNumber,
  };
}

export function Generator({ onUse }: GeneratorProps) {
  const copy = useCopy();
  const call = useVaultCall();
  const { settings, setSettings } = useVaultTools();
  const baseId = useId();
  const saved = settings.generator;
  const [mode, setMode] = useState<Mode>(saved?.mode ?? 'password');
  const [passwordOptions, setPasswordOptions] = useState<PasswordOptions>(() =>
    saved
      ? { length: saved.length, lower: saved.lower, upper: saved.upper, digits: saved.digits, symbols: saved.symbols, avoidAmbiguous: saved.avoidAmbiguous }
      : { ...DEFAULT_PASSWORD_OPTIONS },
  );
  const [passphraseOptions, setPassphraseOptions] = useState<PassphraseOptions>(() =>
    saved ? { words: saved.words, separator: saved.separator, capitalize: saved.capitalize, includeNumber: saved.includeNumber } : { ...DEFAULT_PASSPHRASE_OPTIONS },
  );

  // Remember the options once the user changed them: not on the first render, which only shows them.
  const prefs = useMemo(() => prefsOf(mode, passwordOptions, passphraseOptions), [mode, passwordOptions, passphraseOptions]);
  const latest = useRef({ settings, setSettings });
  latest.current = { settings, setSettings };
  const firstPrefs = useRef(JSON.stringify(prefs));
  const pending = useRef<GeneratorPrefs | null>(null);
  const savePrefs = useCallback(() => {
    const generator = pending.current;
    if (generator === null) return;
    pending.current = null;
    const next = { ...latest.current.settings, generator };
    void call('settingsSet', { settings: next }).then((result) => result.ok && latest.current.setSettings(next));
  }, [call]);
  useEffect(() => {
    if (JSON.stringify(prefs) === firstPrefs.current) return;
    pending.current = prefs;
    const timer = setTimeout(savePrefs, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [prefs, savePrefs]);
  // Closing the generator right after a change still keeps it.
  useEffect(() => savePrefs, [savePrefs]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const generate = useCallback(() => {
    try {
      setValue(mode === 'password' ? generatePassword(passwordOptions) : generatePassphrase(passphraseOptions));
      setError(null);
    } catch {
      // Options are bounded by the controls; this only happens for combinations the generator refuses.
      setValue('');
      setError('These options cannot produce a password. Choose more characters or character sets.');
    }
  }, [mode, passwordOptions, passphraseOptions]);

  useEffect(generate, [generate]);

  const bits = useMemo(() => {
    try {
      return mode === 'password' ? passwordEntropyBits(passwordOptions) : passphraseEntropyBits(passphraseOptions);
    } catch {
      return null;
    }
  }, [mode, passwordOptions, passphraseOptions]);


  const checkedSets = CHARACTER_SETS.filter((s) => passwordOptions[s.key]).length;

  return (
    <section className="generator" data-testid="generator" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{onUse ? 'Generate a password' : 'Generator'}</h2>
      <div className="generated-box">
        <output className="generated" aria-label="Generated password" data-testid="generated-password">
          {value}
        </output>
        {bits !== null && (
          <p className="hint">
            {Math.round(bits)} bits of entropy · {entropyWords(bits)}
          </p>
        )}
        {error !== null && <p className="form-error">{error}</p>}
      </div>
      <div className="actions">
        <button type="button" onClick={generate}>
          Regenerate
        </button>
        <button type="button" disabled={value === ''} onClick={() => void copy(null, 'password', value)}>
          Copy
        </button>
        {onUse && (
          <button type="button" className="primary" disabled={value === ''} onClick={() => onUse(value)}>
            Use
          </button>
        )}
      </div>

      <fieldset className="segmented">
        <legend>Kind</legend>
        {(['password', 'passphrase'] as const).map((m) => (
          <label key={m} className={mode === m ? 'on' : ''}>
            <input type="radio" name={`${baseId}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'password' ? 'Random password' : 'Passphrase'}
          </label>
        ))}
      </fieldset>

      {mode === 'password' ? (
        <>
          <NumberSlider
            label="Length"
            min={MIN_PASSWORD_LENGTH}
            max={MAX_PASSWORD_LENGTH}
            value={passwordOptions.length}
            onChange={(length) => setPasswordOptions({ ...passwordOptions, length })}
          />
          <fieldset className="checks">
            <legend>Characters</legend>
            {CHARACTER_SETS.map((set) => (
              <label key={set.key}>
                <input
                  type="checkbox"
                  checked={passwordOptions[set.key]}
                  // At least one set must stay on, so the last checked box cannot be cleared.
                  disabled={passwordOptions[set.key] && checkedSets === 1}
                  onChange={(e) => setPasswordOptions({ ...passwordOptions, [set.key]: e.target.checked })}
                />
                {set.label}
              </label>
            ))}
            <label>
              <input
                type="checkbox"
                checked={passwordOptions.avoidAmbiguous === true}
                onChange={(e) => setPasswordOptions({ ...passwordOptions, avoidAmbiguous: e.target.checked })}
              />
              Avoid look-alike characters (I l 1 | O 0 o)
            </label>
          </fieldset>
        </>
      ) : (
        <>
          <NumberSlider
            label="Words"
            min={MIN_PASSPHRASE_WORDS}
            max={MAX_PASSPHRASE_WORDS}
            value={passphraseOptions.words}
            onChange={(words) => setPassphraseOptions({ ...passphraseOptions, words })}
          />
          <div className="field inline">
            <label htmlFor={`${baseId}-separator`}>Separator</label>
            <input
              id={`${baseId}-separator`}
              className="short"
              type="text"
              maxLength={MAX_SEPARATOR_LENGTH}
              value={passphraseOptions.separator}
              onChange={(e) => setPassphraseOptions({ ...passphraseOptions, separator: e.target.value })}
            />
          </div>
          <fieldset className="checks">
            <legend>Style</legend>
            <label>
              <input
                type="checkbox"
                checked={passphraseOptions.capitalize}
                onChange={(e) => setPassphraseOptions({ ...passphraseOptions, capitalize: e.target.checked })}
              />
              Capitalise
            </label>
            <label>
              <input
                type="checkbox"
                checked={passphraseOptions.includeNumber}
                onChange={(e) => setPassphraseOptions({ ...passphraseOptions, includeNumber: e.target.checked })}
              />
              Include a number
            </label>
          </fieldset>
        </>
      )}
    </section>
  );
}

interface NumberSliderProps {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}

/** A slider and a number box for one value, both named by the one visible label (roles slider and spinbutton). */
function NumberSlider({ label, min, max, value, onChange }: NumberSliderProps) {
  const labelId = useId();
  const rangeId = `${labelId}-range`;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="field slider">
      <label id={labelId} htmlFor={rangeId}>
        {label}
      </label>
      <div className="slider-row">
        <input id={rangeId} type="range" aria-labelledby={labelId} min={min} max={max} value={value} onChange={(e) => onChange(Number(e.target.value))} />
        <input
          type="number"
          aria-labelledby={labelId}
          className="short"
          min={min}
          max={max}
          value={draft ?? String(value)}
          onChange={(e) => {
            // Keep half-typed numbers ("1" on the way to "16") in the box; apply only values in range.
            setDraft(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isInteger(n) && n >= min && n <= max) onChange(n);
          }}
          onBlur={() => setDraft(null)}
        />
      </div>
    </div>
  );
}
