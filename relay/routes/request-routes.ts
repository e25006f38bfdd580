/**
 * Secret requests (issue 14, T26). The owner creates, lists (with the answers waiting), acknowledges and
 * revokes them with signed calls; anyone holding the request link reads its sealed descriptor (GET/HEAD)
 * and posts an answer with the answer token, which the relay checks against this request's own hash, so
 * an answer without the link secret, or replayed into another request, is refused.
 */
import { Hono } from 'hono';
import {
  ackAnswersRequestSchema,
  createSecretRequestSchema,
  LINK_MAX_LIFETIME_MS,
  postAnswerRequestSchema,
  revokeLinkRequestSchema,
  type OwnedRequests,
  type RequestMeta,
} from '../../lib/relay-protocol/link-schemas';
import { REQUEST_ANSWERS_ACK_PATH, REQUEST_REVOKE_PATH, REQUESTS_PATH } from '../../lib/relay-protocol/link-paths';
import { MAX_CLOCK_SKEW_MS, MAX_LIFETIME_MS, MAX_ONE_ENVELOPE_BODY_BYTES, MAX_SMALL_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import { readBody } from '../read-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';
import { linkIdParam, publicLinkGuard, tokenHashOf } from './link-guards';

/** Create, list, acknowledge, revoke (signed); descriptor and answer (public). */
export function requestRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  const guard = publicLinkGuard(deps);
  return new Hono<RelayEnv>()
    .post(REQUESTS_PATH, auth(MAX_ONE_ENVELOPE_BODY_BYTES), async (c) => {
      const request = parseJsonBody(c.var.body, createSecretRequestSchema);
      const now = deps.now();
      if (request.expiresAt <= now || request.expiresAt > now + LINK_MAX_LIFETIME_MS + MAX_CLOCK_SKEW_MS) {
        throw new RelayHttpError('invalid-expiry', 'expiresAt must be in the future and at most 30 days ahead');
      }
      const outcome = await deps.store.createRequest({ ...request, owner: c.var.handle }, now, deps.limits.links.maxLivePerIdentity);
      if (outcome === 'exists') throw new RelayHttpError('exists', 'a request with this id exists');
      if (outcome === 'too-many') throw new RelayHttpError('too-many-links', 'this identity holds as many live links and requests as the relay allows', { retryAfterSeconds: 3600 });
      return c.json({ created: true as const }, 201);
    })
    .get(REQUESTS_PATH, auth(0), async (c) => c.json((await deps.store.listOwnedRequests(c.var.handle, deps.now())) satisfies OwnedRequests))
    .post(REQUEST_REVOKE_PATH, auth(MAX_SMALL_BODY_BYTES), async (c) => {
      const { id } = parseJsonBody(c.var.body, revokeLinkRequestSchema);
      return c.json({ revoked: await deps.store.revokeRequest(c.var.handle, id, deps.now()) });
    })
    .post(REQUEST_ANSWERS_ACK_PATH, auth(MAX_SMALL_BODY_BYTES), async (c) => {
      const { ids } = parseJsonBody(c.var.body, ackAnswersRequestSchema);
      return c.json({ deleted: await deps.store.ackAnswers(c.var.handle, ids) });
    })
    .get(`${REQUESTS_PATH}/:id`, guard, async (c) => {
      const meta = await deps.store.findRequest(linkIdParam(c), deps.now());
      if (!meta) throw new RelayHttpError('not-found', 'no such request (it may have expired)');
      return c.json(meta satisfies RequestMeta);
    })
    .post(`${REQUESTS_PATH}/:id/answers`, guard, async (c) => {
      const id = linkIdParam(c);
      const { token, answer } = parseJsonBody(await readBody(c, MAX_ONE_ENVELOPE_BODY_BYTES), postAnswerRequestSchema);
      const now = deps.now();
      // An answer waits for its owner as long as an envelope would, whatever the request's own expiry.
      const outcome = await deps.store.answerRequest(id, tokenHashOf(token), answer, now, now + MAX_LIFETIME_MS);
      if (outcome.ok) return c.json({ id: outcome.id }, 201);
      if (outcome.reason === 'not-found') throw new RelayHttpError('not-found', 'no such request (it may have expired)');
      if (outcome.reason === 'wrong-token') throw new RelayHttpError('forbidden', 'this answer does not carry this request’s token');
      throw new RelayHttpError('gone', 'this request has all the answers it asked for, has expired or was revoked');
    });
}
