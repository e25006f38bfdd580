/** zxcvbn-ts over a batch of passwords, where blocking is fine (a worker) or in time-boxed slices (the background). */
import { estimateStrength } from '../../strength/estimate-strength';
import type { StrengthScore } from '../../vault/model/overview-row';
import type { PasswordScorer } from './password-scorer';

/**
 * Scores every password at once: for a worker, where nothing else waits. About 11 ms per password (2–30 ms).
 * @returns one score per password, in order
 */
export function scorePasswords(passwords: readonly string[]): StrengthScore[] {
  return passwords.map((password) => estimateStrength(password).score);
}

/** Work between two yields in the background, in ms: with one estimate's overrun (≤ ~30 ms) a message waits < 50 ms. */
export const INLINE_SLICE_MS = 15;

/**
 * Scores in the background itself, yielding to the event loop whenever a slice has run `sliceMs`: where no
 * worker is available (Node, a browser without offscreen documents) or the worker failed.
 * @param yieldNow - lets queued messages run; default a zero-delay timer
 * @param clock - ms, monotonic; default `performance.now`
 */
export function createInlineScorer(
  yieldNow: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  clock: () => number = () => performance.now(),
  sliceMs = INLINE_SLICE_MS,
): PasswordScorer {
  return {
    async score(passwords) {
      const scores: StrengthScore[] = [];
      let sliceStart = clock();
      for (const password of passwords) {
        if (clock() - sliceStart >= sliceMs) {
          await yieldNow();
          sliceStart = clock();
        }
        scores.push(estimateStrength(password).score);
      }
      return scores;
    },
  };
}
