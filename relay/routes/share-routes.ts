/**
 * POST /v1/shares/revoke: drops the undelivered envelopes the caller posted under a share id. A share id
 * is its poster's own, so nobody else's revoke or post can touch it or block this one (T04).
 */
import { Hono } from 'hono';
import { MAX_SMALL_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import { REVOKE_PATH } from '../../lib/relay-protocol/relay-paths';
import { revokeRequestSchema, type RevokeResponse } from '../../lib/relay-protocol/share-schemas';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';

/** The revoke route; `auth` is the app's authenticate middleware. */
export function shareRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  return new Hono<RelayEnv>().post(REVOKE_PATH, auth(MAX_SMALL_BODY_BYTES, 'in-route'), async (c) => {
    const request = parseJsonBody(c.var.body, revokeRequestSchema);
    const result = await deps.store.revokeShare(c.var.handle, request.shareId, request.recipients ?? null, c.var.claim);
    return c.json(result satisfies RevokeResponse);
  });
}
