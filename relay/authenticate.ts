/**
 * Request authentication (DESIGN §7): the `Sealpass-*` headers, a fresh signature by the handle's
 * registered Ed25519 key over method, path, body hash, time and nonce, and a nonce never used before
 * by that handle. Nonces live in the store, so a request replayed to another relay process of the same
 * deployment is refused too. The headers, the time and the registered key are checked before a byte of
 * the body is read, and the body only up to what the route needs (S6).
 */
import type { Context } from 'hono';
import { fromBase64 } from '../lib/crypto/base64';
import { AUTH_HEADERS, authHeadersSchema, type AuthHeaders } from '../lib/relay-protocol/auth-headers';
import { MAX_CLOCK_SKEW_MS } from '../lib/relay-protocol/relay-limits';
import { verifyRequest } from '../lib/relay-protocol/verify-request';
import { enforceRate } from './rate-limit';
import { readBody } from './read-body';
import type { RelayDeps, RelayEnv } from './relay-deps';
import { RelayHttpError } from './relay-http-error';

/** A nonce is kept until its signed time can no longer pass the freshness check, plus a second of margin. */
const NONCE_LIFETIME_MS = MAX_CLOCK_SKEW_MS + 1000;
/** Registered signing keys kept per process; a full cache is simply emptied (keys are cheap to reload). */
const MAX_CACHED_KEYS = 10_000;

/**
 * Reads and checks the four auth headers.
 * @throws RelayHttpError 401 auth-missing when none is present, auth-invalid when any is malformed
 */
export function readAuthHeaders(c: Context): AuthHeaders {
  const raw = {
    handle: c.req.header(AUTH_HEADERS.handle),
    time: c.req.header(AUTH_HEADERS.time),
    nonce: c.req.header(AUTH_HEADERS.nonce),
    signature: c.req.header(AUTH_HEADERS.signature),
  };
  if (Object.values(raw).every((value) => value === undefined)) {
    throw new RelayHttpError('auth-missing', 'this call must be signed (Sealpass-Handle, -Time, -Nonce, -Signature)');
  }
  const parsed = authHeadersSchema.safeParse(raw);
  if (!parsed.success) throw new RelayHttpError('auth-invalid', 'malformed Sealpass authentication headers');
  return parsed.data;
}

/**
 * Checks that `auth` signs this request with `signingKey`, is fresh and is not a replay, then counts it
 * against the signer's rate.
 * @param signingKey - the Ed25519 public key the request must be signed with, 32 bytes
 * @param rateKey - what the request counts against; the handle's `id:` key by default
 * @throws RelayHttpError 401 auth-stale (with the relay's time), auth-invalid or auth-replayed; 429 rate-limited
 */
export async function checkSignature(
  c: Context<RelayEnv>,
  deps: RelayDeps,
  auth: AuthHeaders,
  body: Uint8Array,
  signingKey: Uint8Array,
  rateKey = `id:${auth.handle}`,
): Promise<void> {
  const now = deps.now();
  const url = new URL(c.req.url);
  const verdict = verifyRequest({ method: c.req.method, pathAndQuery: url.pathname + url.search, body }, auth, signingKey, now, deps.verify);
  if (verdict === 'stale') throw staleAt(now);
  if (verdict === 'bad-signature') throw new RelayHttpError('auth-invalid', 'the signature does not match this request and identity');
  // Only after the signature checks out, so nobody can use up another identity's nonces or rate.
  if (!(await deps.store.claimNonce(auth.handle, auth.nonce, auth.time + NONCE_LIFETIME_MS))) {
    throw new RelayHttpError('auth-replayed', 'this request was already received (nonce reused)');
  }
  await enforceRate(deps, rateKey, deps.limits.perIdentityPerMinute);
}

/**
 * Refuses a request whose signed time is out of the window, before its body is read or its signature checked.
 * @throws RelayHttpError 401 auth-stale with the relay's time
 */
export function checkFresh(deps: RelayDeps, auth: AuthHeaders): void {
  const now = deps.now();
  if (Math.abs(now - auth.time) > MAX_CLOCK_SKEW_MS) throw staleAt(now);
}

function staleAt(now: number): RelayHttpError {
  return new RelayHttpError('auth-stale', 'the request time is more than 5 minutes from the relay’s clock', { serverTime: now });
}

/**
 * Middleware for every call that acts for a registered identity: checks the headers, the time and that
 * the handle is registered, then reads the body (at most `maxBody` bytes), checks the signature, and
 * leaves `handle` and `body` for the route.
 * Keys are cached per process: a registered bundle never changes (a different key is refused 409), so
 * the cache cannot disagree with the store or with another process.
 * @returns a function of the route's body cap (bytes) giving the middleware
 */
export function authenticate(deps: RelayDeps) {
  const keys = new Map<string, Uint8Array>();

  async function signingKeyOf(handle: string): Promise<Uint8Array> {
    const cached = keys.get(handle);
    if (cached) return cached;
    const bundle = await deps.store.findIdentity(handle);
    if (!bundle) throw new RelayHttpError('auth-unknown-identity', 'no identity is registered under this handle');
    const key = fromBase64(bundle.signingKey);
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    keys.set(handle, key);
    return key;
  }

  return (maxBody: number) => async (c: Context<RelayEnv>, next: () => Promise<void>) => {
    const auth = readAuthHeaders(c);
    checkFresh(deps, auth);
    const signingKey = await signingKeyOf(auth.handle);
    const body = await readBody(c, maxBody);
    await checkSignature(c, deps, auth, body, signingKey);
    c.set('handle', auth.handle);
    c.set('body', body);
    await next();
  };
}
