/** Who scores passwords for the background's queue (lib/health/background/score-queue): a worker, or slices in place. */
import type { StrengthScore } from '../../vault/model/overview-row';

/** Scores passwords, in order. */
export interface PasswordScorer {
  /**
   * @param passwords - at most `MAX_SCORE_BATCH`
   * @returns one zxcvbn-ts score per password, in the same order
   * @throws (rejects) when the scorer cannot do it (its worker died, its document is gone): the queue then scores in place
   */
  score(passwords: readonly string[]): Promise<StrengthScore[]>;
}

/** Passwords per batch: about 0.7 s of zxcvbn-ts at 11 ms each, so progress moves every second or so. */
export const MAX_SCORE_BATCH = 64;
