/**
 * Fixed one-minute windows counted in the store, so every relay process of a deployment sees the same
 * count. A fixed window lets a caller reach twice the limit across a window edge; that is accepted for
 * a cheap, exact, cross-process counter.
 */
import type { RelayDeps } from './relay-deps';
import { RelayHttpError } from './relay-http-error';
import type { ClaimRefused, RateCount } from './store/relay-store';

/** Length of a rate window, ms. */
export const RATE_WINDOW_MS = 60_000;

/**
 * One request to count for `key` in the window around `now`, for a RequestClaim (the store counts it in
 * the request's transaction).
 * @param limit - requests per window
 * @param windowMs - the window's length, one minute by default
 */
export function rateCount(key: string, limit: number, now: number, windowMs = RATE_WINDOW_MS): RateCount {
  const windowStart = now - (now % windowMs);
  return { key, windowStart, expiresAt: windowStart + windowMs, limit };
}

/** The answer to a request whose claim the store refused. */
export function claimRefusal(error: ClaimRefused, now: number): RelayHttpError {
  switch (error.reason) {
    case 'replayed':
      return new RelayHttpError('auth-replayed', 'this request was already received (nonce reused)');
    case 'session-closed':
      return new RelayHttpError('auth-session-expired', 'the session is unknown, has ended or was revoked; open a new one');
    case 'rate-limited':
      return tooMany(error.retryAt ?? now, now);
  }
}

function tooMany(windowEnd: number, now: number): RelayHttpError {
  return new RelayHttpError('rate-limited', 'too many requests; try again later', { retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) });
}

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
  if (count > limit) throw tooMany(windowEnd, now);
}
