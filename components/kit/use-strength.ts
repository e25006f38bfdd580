/**
 * Password strength for the meters, loaded on first use: the estimator carries large dictionaries that
 * the daily popup (search, copy) never needs, so they sit in their own chunk.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';

type StrengthModule = typeof import('../../lib/strength/estimate-strength');
/** What `estimateStrength` returns: score 0..4, crack time, warning, suggestions. */
export type Strength = ReturnType<StrengthModule['estimateStrength']>;

/** Score the onboarding and change-password forms require ("Strong"). */
export const MIN_MASTER_SCORE = 3;

/**
 * Why a new master password cannot be used yet, in words for the field's error, or null when it can.
 * Shared by onboarding and the change-password form so both apply the same bar.
 * @param score - the estimator's 0..4 score, or -1 when it could not run
 */
export function masterPasswordProblem(password: string, ready: boolean, score: number): string | null {
  if (password === '') return 'Choose a master password.';
  if (!ready) return 'Still loading the strength check. Try again in a moment.';
  if (score < MIN_MASTER_SCORE) return 'Too weak. Choose a password rated at least “Strong”.';
  return null;
}

/** Words that make a master password guessable here, passed to the estimator. */
export const MASTER_USER_INPUTS = ['sealpass', 'seal', 'pass', 'vault', 'master', 'password'] as const;

let loading: Promise<StrengthModule> | null = null;

function loadStrength(): Promise<StrengthModule> {
  loading ??= import('../../lib/strength/estimate-strength').catch((error: unknown) => {
    loading = null; // let the next mount try again
    throw error;
  });
  return loading;
}

/**
 * @param password - scored while typing, a frame behind the keystrokes (deferred) so typing stays smooth
 * @param userInputs - words that make a password weak here (the product name, an email)
 * @returns `strength` for the meter (null while loading or empty), and `estimate` for an exact check on submit
 */
export function useStrength(password: string, userInputs: readonly string[] = []) {
  const [strengthModule, setStrengthModule] = useState<StrengthModule | null>(null);
  const [failed, setFailed] = useState(false);
  const deferred = useDeferredValue(password);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    let live = true;
    loadStrength().then(
      (m) => live && setStrengthModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const estimate = useCallback(
    (text: string): Strength | null =>
      strengthModule === null || text === '' ? null : strengthModule.estimateStrength(text, inputsKey === '' ? [] : inputsKey.split('\n')),
    [strengthModule, inputsKey],
  );
  const strength = useMemo(() => estimate(deferred), [estimate, deferred]);
  return { strength, estimate, ready: strengthModule !== null, failed };
}
