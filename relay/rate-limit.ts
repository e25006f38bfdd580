/**
 * Fixed one-minute windows counted in the store, so every relay process of a deployment sees the same
 * count. A fixed window lets a caller reach twice the limit across a window edge; that is accepted for
 * a cheap, exact, cross-process counter.
 */
import type { RelayDeps } from './relay-deps';
import { RelayHttpError } from './relay-http-error';

/** Length of a rate window, ms. */
export const RATE_WINDOW_MS = 60_000;

/**
 * Counts one request for `key` and refuses it once the window's count passes `limit`.
 * @param key - `addr:<address>`, `id:<handle>`, `key:<signing key>` or `reg:<address>`
 * @param limit - requests per window
 * @param windowMs - the window's length, one minute by default
 * @throws RelayHttpError 429 rate-limited with the seconds until the window ends
 */
export async function enforceRate(deps: RelayDeps, key: string, limit: number, windowMs = RATE_WINDOW_MS): Promise<void> {
  const now = deps.now();
  const windowStart = now - (now % windowMs);
  const windowEnd = windowStart + windowMs;
  const count = await deps.store.countRequest(key, windowStart, windowEnd);
  if (count > limit) {
    throw new RelayHttpError('rate-limited', 'too many requests; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
    });
  }
}
