/**
 * Sessions: open one with a call signed by the identity key (both sides derive the session key by
 * X25519, so it never travels), and revoke one or all with the identity key again; a session's own MAC
 * cannot revoke sessions or open more.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';
import { toBase64Url } from '../../lib/crypto/base64url';
import { generateKeyPair } from '../../lib/crypto/hpke/generate-key-pair';
import { wipe } from '../../lib/crypto/wipe';
import { MAX_SESSIONS_PER_IDENTITY, MAX_SMALL_BODY_BYTES, SESSION_LIFETIME_MS } from '../../lib/relay-protocol/relay-limits';
import { SESSION_REVOKE_PATH, SESSIONS_PATH } from '../../lib/relay-protocol/relay-paths';
import { deriveSessionKey } from '../../lib/relay-protocol/session-key';
import {
  openSessionRequestSchema,
  revokeSessionsRequestSchema,
  type OpenSessionResponse,
  type RevokeSessionsResponse,
} from '../../lib/relay-protocol/session-schemas';
import { checkFresh, checkSignature, readAuthHeaders, type AuthCaches } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import { readBody } from '../read-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

/** Open and revoke routes; `perAddress` counts them against the caller's address, `caches` holds this process's sessions. */
export function sessionRoutes(deps: RelayDeps, perAddress: MiddlewareHandler, caches: AuthCaches) {
  /** The identity-key path every session route takes: headers, time and registered key before the body (S6). */
  const signed: MiddlewareHandler<RelayEnv> = async (c, next) => {
    const auth = readAuthHeaders(c);
    checkFresh(deps, auth);
    const signingKey = await caches.signingKeyOf(auth.handle);
    const body = await readBody(c, MAX_SMALL_BODY_BYTES);
    await checkSignature(c, deps, auth, body, signingKey);
    c.set('handle', auth.handle);
    c.set('body', body);
    await next();
  };

  return new Hono<RelayEnv>()
    .post(SESSIONS_PATH, perAddress, signed, async (c) => {
      const request = parseJsonBody(c.var.body, openSessionRequestSchema);
      const clientKey = fromBase64(request.key);
      const relay = generateKeyPair();
      const session = toBase64Url(randomBytes(16));
      const expiresAt = deps.now() + SESSION_LIFETIME_MS;
      let key: Uint8Array;
      try {
        key = deriveSessionKey(relay.secretKey, clientKey, { session, handle: c.var.handle, clientKey, relayKey: relay.publicKey, expiresAt });
      } catch {
        // A low-order point gives an all-zero shared secret (RFC 7748 §6.1): no session on it.
        throw new RelayHttpError('invalid-request', 'invalid request: key');
      } finally {
        wipe(relay.secretKey);
      }
      await deps.store.openSession({ id: session, handle: c.var.handle, key, expiresAt }, MAX_SESSIONS_PER_IDENTITY);
      return c.json({ session, key: toBase64(relay.publicKey), expiresAt } satisfies OpenSessionResponse, 201);
    })
    .post(SESSION_REVOKE_PATH, perAddress, signed, async (c) => {
      const request = parseJsonBody(c.var.body, revokeSessionsRequestSchema);
      const revoked = await deps.store.revokeSessions(c.var.handle, request.session ?? null);
      // Other processes may still hold it in their cache: each request's claim checks that it is open.
      if (request.session !== undefined) caches.forgetSession(request.session);
      return c.json({ revoked } satisfies RevokeSessionsResponse);
    });
}
