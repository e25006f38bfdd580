/** POST /v1/shares/revoke: the share's poster drops its undelivered envelopes. */
import { Hono } from 'hono';
import { REVOKE_PATH } from '../../lib/relay-protocol/relay-paths';
import { revokeRequestSchema, type RevokeResponse } from '../../lib/relay-protocol/share-schemas';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

/** The revoke route; `auth` is the app's authenticate middleware. */
export function shareRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  return new Hono<RelayEnv>().post(REVOKE_PATH, auth, async (c) => {
    const request = parseJsonBody(c.var.body, revokeRequestSchema);
    const result = await deps.store.revokeShare(c.var.handle, request.shareId, request.recipients ?? null);
    if (result === 'forbidden') throw new RelayHttpError('forbidden', 'only the identity that posted a share may revoke it');
    return c.json(result satisfies RevokeResponse);
  });
}
