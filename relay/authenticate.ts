/**
 * Request authentication (DESIGN §7). Every call that acts for a registered identity is authenticated
 * over method, path, body hash, time and nonce, one of two ways:
 * - signed with the identity's registered Ed25519 key (`Sealpass-Handle`, `-Time`, `-Nonce`,
 *   `-Signature`): registering, opening and revoking sessions, and any other call;
 * - inside a session opened that way, with an HMAC-SHA256 under the session key (`Sealpass-Session`,
 *   `-Time`, `-Nonce`, `-Mac`), which costs a few microseconds instead of an Ed25519 verification.
 * Either way the headers, the time and the registered key or open session are checked before a byte of
 * the body is read, and the body only up to what the route needs (S6). On the routes behind
 * `authenticate`, the nonce, the per-address and per-identity counts and (in a session) the session's
 * still being open are spent in the same store transaction as the route's work (a RequestClaim), so a
 * request is one commit and a refused request changes nothing. Nonces live in the store, so a request
 * replayed to another relay process of the same deployment is refused too.
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { fromBase64 } from '../lib/crypto/base64';
import { AUTH_HEADERS, authHeadersSchema, sessionAuthHeadersSchema, type AuthHeaders, type SessionAuthHeaders } from '../lib/relay-protocol/auth-headers';
import { MAX_CLOCK_SKEW_MS } from '../lib/relay-protocol/relay-limits';
import { sessionRequestInput } from '../lib/relay-protocol/session-request-input';
import { verifyRequest } from '../lib/relay-protocol/verify-request';
import { enforceRate, rateCount } from './rate-limit';
import { readBody } from './read-body';
import type { RelayDeps, RelayEnv } from './relay-deps';
import { RelayHttpError } from './relay-http-error';
import { ClaimRefused, type RequestClaim, type StoredSession } from './store/relay-store';

/** A nonce is kept until its signed time can no longer pass the freshness check, plus a second of margin. */
export const NONCE_LIFETIME_MS = MAX_CLOCK_SKEW_MS + 1000;
/** Registered signing keys and open sessions kept per process; a full cache is simply emptied (cheap to reload). */
const MAX_CACHED = 10_000;

/**
 * Reads and checks the four headers of a call signed with the identity key.
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
    if (c.req.header(AUTH_HEADERS.session) !== undefined) throw new RelayHttpError('auth-invalid', 'this call must be signed with the identity key, not a session');
    throw new RelayHttpError('auth-missing', 'this call must be signed (Sealpass-Handle, -Time, -Nonce, -Signature)');
  }
  const parsed = authHeadersSchema.safeParse(raw);
  if (!parsed.success) throw new RelayHttpError('auth-invalid', 'malformed Sealpass authentication headers');
  return parsed.data;
}

/** Reads the session headers when a call carries `Sealpass-Session`; null when it does not. */
function readSessionHeaders(c: Context): SessionAuthHeaders | null {
  const session = c.req.header(AUTH_HEADERS.session);
  if (session === undefined) return null;
  const parsed = sessionAuthHeadersSchema.safeParse({ session, time: c.req.header(AUTH_HEADERS.time), nonce: c.req.header(AUTH_HEADERS.nonce), mac: c.req.header(AUTH_HEADERS.mac) });
  if (!parsed.success) throw new RelayHttpError('auth-invalid', 'malformed Sealpass session headers');
  return parsed.data;
}

/**
 * Refuses a request whose signed time is out of the window, before its body is read or its signature checked.
 * @throws RelayHttpError 401 auth-stale with the relay's time
 */
export function checkFresh(deps: RelayDeps, auth: { time: number }): void {
  const now = deps.now();
  if (Math.abs(now - auth.time) > MAX_CLOCK_SKEW_MS) throw staleAt(now);
}

function staleAt(now: number): RelayHttpError {
  return new RelayHttpError('auth-stale', 'the request time is more than 5 minutes from the relay’s clock', { serverTime: now });
}

/** A path the URL parser gives back unchanged: no query, dot segment, escape or character it would encode. */
const PLAIN_PATH = /^\/[A-Za-z0-9_\-/]*$/;

/** The path and query the request was signed over, as the URL parser reads them (parsing every one showed as ~1.4 % of a post's CPU in a profile). */
function pathOf(c: Context): string {
  const href = c.req.url;
  const path = href.slice(href.indexOf('/', href.indexOf('//') + 2));
  if (PLAIN_PATH.test(path)) return path;
  const url = new URL(href);
  return url.pathname + url.search;
}

/**
 * Checks that `auth` signs this request with `signingKey`, is fresh and is not a replay, then counts it
 * against the signer's rate, in statements of their own (for the calls that are not behind `authenticate`).
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
  const verdict = verifyRequest({ method: c.req.method, pathAndQuery: pathOf(c), body }, auth, signingKey, now, deps.verify);
  if (verdict === 'stale') throw staleAt(now);
  if (verdict === 'bad-signature') throw new RelayHttpError('auth-invalid', 'the signature does not match this request and identity');
  // Only after the signature checks out, so nobody can use up another identity's nonces or rate.
  if (!(await deps.store.claimNonce(auth.handle, auth.nonce, auth.time + NONCE_LIFETIME_MS))) {
    throw new RelayHttpError('auth-replayed', 'this request was already received (nonce reused)');
  }
  await enforceRate(deps, rateKey, deps.limits.perIdentityPerMinute);
}

/** True when `mac` is HMAC-SHA256 under `key` of this request's session input; constant time. */
function macMatches(c: Context, auth: SessionAuthHeaders, body: Uint8Array, key: Uint8Array): boolean {
  const bodyHash = hash('sha256', body, 'buffer');
  const input = sessionRequestInput({ method: c.req.method, pathAndQuery: pathOf(c), bodyHash, session: auth.session, time: auth.time, nonce: auth.nonce });
  const expected = createHmac('sha256', key).update(input).digest();
  let given: Uint8Array;
  try {
    given = fromBase64(auth.mac);
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Per-process caches of what never changes for an id: registered signing keys and open sessions. */
export interface AuthCaches {
  signingKeyOf(handle: string): Promise<Uint8Array>;
  sessionOf(id: string): Promise<StoredSession>;
  forgetSession(id: string): void;
}

/**
 * Keys are cached per process: a registered bundle never changes (a different key is refused 409), so the
 * cache cannot disagree with the store or with another process. Sessions are cached by id for their key;
 * whether one is still open (not revoked by another process) is checked in each request's transaction.
 */
export function authCaches(deps: RelayDeps): AuthCaches {
  const keys = new Map<string, Uint8Array>();
  const sessions = new Map<string, StoredSession>();
  const remember = <V>(map: Map<string, V>, id: string, value: V) => {
    if (map.size >= MAX_CACHED) map.clear();
    map.set(id, value);
  };
  return {
    async signingKeyOf(handle) {
      const cached = keys.get(handle);
      if (cached) return cached;
      const bundle = await deps.store.findIdentity(handle);
      if (!bundle) throw new RelayHttpError('auth-unknown-identity', 'no identity is registered under this handle');
      const key = fromBase64(bundle.signingKey);
      remember(keys, handle, key);
      return key;
    },
    async sessionOf(id) {
      const now = deps.now();
      const cached = sessions.get(id);
      if (cached && cached.expiresAt > now) return cached;
      const found = await deps.store.findSession(id, now);
      if (!found) throw new RelayHttpError('auth-session-expired', 'the session is unknown, has ended or was revoked; open a new one');
      remember(sessions, id, found);
      return found;
    },
    forgetSession: (id) => void sessions.delete(id),
  };
}

/**
 * Middleware for the calls that act for a registered identity: checks the headers, the time and the
 * registered key or open session, then reads the body (at most `maxBody` bytes), checks the signature or
 * MAC, and leaves `handle`, `body` and `claim` for the route. With `spends` 'in-route' the route passes
 * the claim to its store call, which spends it in the same transaction as its work (the mailbox and share
 * routes); with 'before' (the default, for every other route) the claim is spent on its own before the
 * route runs, so a replayed or over-limit request never reaches it. A request refused here is still
 * counted against its address.
 * @returns a function of the route's body cap (bytes) and where its claim is spent, giving the middleware
 */
export function authenticate(deps: RelayDeps, caches: AuthCaches) {
  return (maxBody: number, spends: 'before' | 'in-route' = 'before') => async (c: Context<RelayEnv>, next: () => Promise<void>) => {
    const address = `addr:${deps.clientAddress(c)}`;
    let handle: string, nonce: string, time: number, session: string | null;
    try {
      const inSession = readSessionHeaders(c);
      if (inSession) {
        checkFresh(deps, inSession);
        const open = await caches.sessionOf(inSession.session);
        const body = await readBody(c, maxBody);
        if (!macMatches(c, inSession, body, open.key)) throw new RelayHttpError('auth-invalid', 'the MAC does not match this request and session');
        c.set('body', body);
        ({ handle } = open);
        ({ nonce, time, session } = inSession);
      } else {
        const signed = readAuthHeaders(c);
        checkFresh(deps, signed);
        const signingKey = await caches.signingKeyOf(signed.handle);
        const body = await readBody(c, maxBody);
        const verdict = verifyRequest({ method: c.req.method, pathAndQuery: pathOf(c), body }, signed, signingKey, deps.now(), deps.verify);
        if (verdict !== 'ok') throw new RelayHttpError('auth-invalid', 'the signature does not match this request and identity');
        c.set('body', body);
        ({ handle, nonce, time } = signed);
        session = null;
      }
    } catch (error) {
      // Refused before the claim: counted against the address on its own, so failures are limited too.
      await enforceRate(deps, address, deps.limits.perAddressPerMinute);
      throw error;
    }
    const now = deps.now();
    const claim: RequestClaim = {
      handle,
      nonce,
      nonceExpiresAt: time + NONCE_LIFETIME_MS,
      session,
      counts: [rateCount(address, deps.limits.perAddressPerMinute, now), rateCount(`id:${handle}`, deps.limits.perIdentityPerMinute, now)],
      now,
    };
    c.set('handle', handle);
    c.set('claim', claim);
    if (spends === 'before') {
      await deps.store.spendClaim(claim);
      await next();
      return;
    }
    await next();
    // The route refused the request, and its store transaction (if any) rolled the claim back: a refused
    // request still burns its nonce and counts, or a flood of refused batches would go uncounted (T07, S6).
    if (c.error !== undefined && !(c.error instanceof ClaimRefused)) await deps.store.spendClaim(claim);
  };
}
