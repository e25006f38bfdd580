/**
 * Deletes expired envelopes, nonces, rate counters and shares on a timer (reads also drop a mailbox's
 * expired envelopes first). Every process of a deployment may run it: the deletes are idempotent.
 */
import { FOLDER_DELETED_RETENTION_MS } from '../lib/relay-protocol/relay-limits';
import type { RelayStore } from './store/relay-store';

/**
 * Starts purging every `intervalMs`; the timer does not keep the process alive.
 * @returns a function that stops it
 */
export function startPurgeTimer(store: RelayStore, now: () => number, intervalMs: number): () => void {
  const timer = setInterval(() => {
    // Links and requests (issue 14) purge beside envelopes; so do folders deleted 30 days ago (issue 13).
    Promise.all([store.purgeExpired(now()), store.purgeExpiredLinks(now()), store.purgeDeletedFolders(now() - FOLDER_DELETED_RETENTION_MS)]).catch((error: unknown) => {
      console.error(`relay: purge failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
