/**
 * Runs sharing operations one after another per unlocked vault. Each reads records, decides and writes:
 * two interleaved (a sync applying a receipt while the user revokes) could write back a stale grant and
 * undo the revocation. Network calls stay outside where they can, so a slow relay holds nothing up.
 */
import { serializeWrites } from '../../vault/records/serialize-writes';

/** One queue key per vault, distinct from the vault's own write queue (commitSharing uses that one inside). */
const keys = new WeakMap<object, object>();

/**
 * Queues `task` behind every earlier sharing task of `vault`.
 * @returns the task's result; a failed task does not block the ones after it
 */
export function withSharingLock<T>(vault: object, task: () => Promise<T>): Promise<T> {
  let key = keys.get(vault);
  if (!key) keys.set(vault, (key = {}));
  return serializeWrites(key, task);
}
