/** A new password or passphrase with its strength meter beneath; the meter is read out with the field. */
import { useId } from 'react';
import { Field } from './Field';
import { StrengthMeter } from './StrengthMeter';
import type { Strength } from './use-strength';

export interface NewPasswordFieldProps {
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** From `useStrength` on the same value. */
  strength: Strength | null;
  /** The estimator could not be loaded. */
  failed: boolean;
}

export function NewPasswordField({ label, error, value, onChange, strength, failed }: NewPasswordFieldProps) {
  const meterId = useId();
  return (
    <>
      <Field label={label} error={error}>
        {(c) => (
          <input
            {...c}
            aria-describedby={[c['aria-describedby'], meterId].filter(Boolean).join(' ')}
            type="password"
            autoComplete="new-password"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
      <StrengthMeter id={meterId} strength={strength} failed={failed} />
    </>
  );
}
