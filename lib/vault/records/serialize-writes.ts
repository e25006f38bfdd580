/**
 * Runs vault writes one after another. Each write updates the in-memory manifest from the result of
 * the previous one, so two writes must never interleave.
 */

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Queues `task` behind every earlier task for the same `owner` (the unlocked vault).
 * @returns the task's result; a failed task does not block the ones after it
 */
export function serializeWrites<T>(owner: object, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(owner) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(owner, next.catch(() => undefined));
  return next;
}
