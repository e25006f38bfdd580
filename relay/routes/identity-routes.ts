/**
 * Identity bundles: register (signed by the bundle's own key; first come, first served) and look up
 * (unsigned: bundles are public, and the client pins and verifies keys itself, T01).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { fromBase64 } from '../../lib/crypto/base64';
import { handleSchema, type IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import type { RegisterResponse } from '../../lib/relay-protocol/identity-schemas';
import { IDENTITIES_PATH } from '../../lib/relay-protocol/relay-paths';
import { verifyIdentityBundle } from '../../lib/relay-protocol/verify-identity-bundle';
import { checkSignature, readAuthHeaders } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import { readBody } from '../read-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

/** Register and look-up routes. */
export function identityRoutes(deps: RelayDeps) {
  return new Hono<RelayEnv>()
    .post(IDENTITIES_PATH, async (c) => {
      const body = await readBody(c);
      const auth = readAuthHeaders(c);
      const check = verifyIdentityBundle(parseJsonBody(body, z.unknown()));
      if (!check.ok) throw new RelayHttpError('invalid-bundle', `the identity bundle is ${check.reason === 'malformed' ? 'malformed' : 'not self-signed'}`);
      const bundle = check.bundle;
      if (auth.handle !== bundle.handle) throw new RelayHttpError('auth-invalid', 'a bundle must be registered with a request signed by itself');
      // Signed by the key being registered: proves the caller holds it, so nobody registers someone else's key.
      // Counted against that key, not the handle: a squatter's attempts must not use up the owner's rate.
      await checkSignature(c, deps, auth, body, fromBase64(bundle.signingKey), `key:${bundle.signingKey}`);
      const result = await deps.store.registerIdentity(bundle, deps.now());
      if (result.created) return c.json({ created: true } satisfies RegisterResponse, 201);
      if (!sameKeys(result.existing, bundle)) throw new RelayHttpError('handle-taken', 'this handle is registered with other keys');
      return c.json({ created: false } satisfies RegisterResponse, 200);
    })
    .get(`${IDENTITIES_PATH}/:handle`, async (c) => {
      const handle = handleSchema.safeParse(c.req.param('handle'));
      if (!handle.success) throw new RelayHttpError('invalid-request', 'invalid request: handle');
      const bundle = await deps.store.findIdentity(handle.data);
      if (!bundle) throw new RelayHttpError('not-found', 'no identity is registered under this handle');
      return c.json(bundle satisfies IdentityBundle);
    });
}

function sameKeys(a: IdentityBundle, b: IdentityBundle): boolean {
  return a.signingKey === b.signingKey && a.encryptionKey === b.encryptionKey;
}
