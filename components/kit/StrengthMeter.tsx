/** The strength bar under a new master password: score, time to crack, and the estimator's warning and tips. */
import type { Strength } from './use-strength';

const SCORE_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export interface StrengthMeterProps {
  id: string;
  strength: Strength | null;
  /** The estimator could not be loaded; say so rather than show an empty bar. */
  failed?: boolean;
}

export function StrengthMeter({ id, strength, failed = false }: StrengthMeterProps) {
  if (strength === null) {
    return (
      <div id={id} className="strength" data-score="none">
        <p className="hint">{failed ? 'The strength check could not be loaded. Reopen this page.' : 'Use four or more random words, or 14+ random characters.'}</p>
      </div>
    );
  }
  const words = SCORE_WORDS[strength.score] ?? SCORE_WORDS[0];
  return (
    <div id={id} className="strength" data-score={strength.score}>
      <div
        className="strength-bar"
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={strength.score}
        aria-valuetext={words}
      >
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={i < Math.max(strength.score, 1) ? 'on' : ''} />
        ))}
      </div>
      <p className="strength-words">
        <strong>{words}</strong> · time to crack: {strength.crackTime}
      </p>
      {strength.warning !== '' && <p className="strength-warning">{strength.warning}</p>}
      {strength.suggestions.length > 0 && (
        <ul className="strength-tips">
          {strength.suggestions.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
