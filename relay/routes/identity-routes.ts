/**
 * Identity bundles: register (signed by the bundle's own key; first come, first served) and look up
 * (unsigned: bundles are public, and the client pins and verifies keys itself, T01).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { fromBase64 } from '../../lib/crypto/base64';
import { handleSchema, type IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import type { RegisterResponse } from '../../lib/relay-protocol/identity-schemas';
import { IDENTITIES_PATH } from '../../lib/relay-protocol/relay-paths';
import { verifyIdentityBundle } from '../../lib/relay-protocol/verify-identity-bundle';
import { MAX_SMALL_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import { checkFresh, checkSignature, readAuthHeaders } from '../authenticate';
import { enforceRate } from '../rate-limit';
import { parseJsonBody } from '../parse-json-body';
import { readBody } from '../read-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

/** The window of the per-address registration limit, ms. */
const REGISTRATION_WINDOW_MS = 60 * 60_000;

/** Register and look-up routes; `perAddress` counts them against the caller's address. */
export function identityRoutes(deps: RelayDeps, perAddress: MiddlewareHandler) {
  return new Hono<RelayEnv>()
    .post(IDENTITIES_PATH, perAddress, async (c) => {
      const auth = readAuthHeaders(c);
      checkFresh(deps, auth);
      const body = await readBody(c, MAX_SMALL_BODY_BYTES);
      const check = verifyIdentityBundle(parseJsonBody(body, z.unknown()));
      if (!check.ok) throw new RelayHttpError('invalid-bundle', `the identity bundle is ${check.reason === 'malformed' ? 'malformed' : 'not self-signed'}`);
      const bundle = check.bundle;
      if (auth.handle !== bundle.handle) throw new RelayHttpError('auth-invalid', 'a bundle must be registered with a request signed by itself');
      // Signed by the key being registered: proves the caller holds it, so nobody registers someone else's key.
      // Counted against that key, not the handle: a squatter's attempts must not use up the owner's rate.
      await checkSignature(c, deps, auth, body, fromBase64(bundle.signingKey), `key:${bundle.signingKey}`);
      const existing = await deps.store.findIdentity(bundle.handle);
      if (existing) return sameAgain(c, deps, existing, bundle);
      // Only new identities count against the address: a client retrying its own registration is not held back (S6).
      await enforceRate(deps, `reg:${deps.clientAddress(c)}`, deps.limits.registrationsPerAddressPerHour, REGISTRATION_WINDOW_MS);
      const result = await deps.store.registerIdentity(bundle, deps.now());
      if (result.created) return c.json({ created: true } satisfies RegisterResponse, 201);
      return sameAgain(c, deps, result.existing, bundle);
    })
    .get(`${IDENTITIES_PATH}/:handle`, perAddress, async (c) => {
      const handle = handleSchema.safeParse(c.req.param('handle'));
      if (!handle.success) throw new RelayHttpError('invalid-request', 'invalid request: handle');
      const bundle = await deps.store.findIdentity(handle.data);
      if (!bundle) throw new RelayHttpError('not-found', 'no identity is registered under this handle');
      return c.json(bundle satisfies IdentityBundle);
    });
}

/**
 * The answer when the handle is registered already: fine for the same keys, 409 for others. The same keys
 * with an X-Wing key added (bundle v1 → v2, issue 16) replace the stored bundle; a v1 bundle never replaces
 * a v2 one (T27: contacts would be shown keys without the post-quantum one), and another X-Wing key for the
 * same other keys is other keys.
 */
async function sameAgain(c: Context<RelayEnv>, deps: RelayDeps, existing: IdentityBundle, bundle: IdentityBundle): Promise<Response> {
  const otherXWing = existing.v === 2 && bundle.v === 2 && existing.xwingKey !== bundle.xwingKey;
  if (existing.signingKey !== bundle.signingKey || existing.encryptionKey !== bundle.encryptionKey || otherXWing) {
    throw new RelayHttpError('handle-taken', 'this handle is registered with other keys');
  }
  if (existing.v === 1 && bundle.v === 2) await deps.store.upgradeIdentity(bundle);
  return c.json({ created: false } satisfies RegisterResponse, 200);
}
