/** How a store's post transaction stops: thrown inside it so earlier writes roll back, caught to become its outcome. */
import type { PostOutcome } from './relay-store';

/** A refused batch carrying the outcome to report. */
export class BatchRefusal extends Error {
  constructor(readonly outcome: PostOutcome) {
    super('batch refused');
  }
}
