/** The master-password bar shared by onboarding and change-password: empty, still loading, too weak, accepted. */
import { describe, expect, it } from 'vitest';
import { masterPasswordProblem, MIN_MASTER_SCORE } from '../../../components/kit/use-strength';

describe('masterPasswordProblem', () => {
  it('asks for a password when empty', () => {
    expect(masterPasswordProblem('', true, 4)).toMatch(/Choose a master password/);
  });
  it('waits for the estimator before accepting anything', () => {
    expect(masterPasswordProblem('long enough passphrase', false, 4)).toMatch(/Still loading/);
  });
  it('refuses scores below the bar, including an estimator failure (-1)', () => {
    for (const score of [-1, 0, 1, MIN_MASTER_SCORE - 1]) expect(masterPasswordProblem('x', true, score)).toMatch(/Too weak/);
  });
  it('accepts the bar and above', () => {
    expect(masterPasswordProblem('x', true, MIN_MASTER_SCORE)).toBeNull();
    expect(masterPasswordProblem('x', true, 4)).toBeNull();
  });
});
