/**
 * One-time links (issue 14, T25). The owner creates, lists and revokes them with signed calls; anyone
 * holding the link reads its state (GET/HEAD, which never spend anything), spends a view with the access
 * token (POST only, so link previews and mail scanners cannot burn it) and posts the "opened" proof, which
 * is checked against the receipt key so a forged one is refused.
 */
import { Hono } from 'hono';
import {
  createLinkRequestSchema,
  LINK_MAX_LIFETIME_MS,
  openedProofSchema,
  revealRequestSchema,
  revokeLinkRequestSchema,
  type LinkMeta,
  type OwnedLink,
  type RevealResponse,
} from '../../lib/relay-protocol/link-schemas';
import { LINK_REVOKE_PATH, LINKS_PATH } from '../../lib/relay-protocol/link-paths';
import { verifyOpenedProof } from '../../lib/relay-protocol/opened-proof';
import { MAX_CLOCK_SKEW_MS, MAX_ONE_ENVELOPE_BODY_BYTES, MAX_SMALL_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import { readBody } from '../read-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';
import { linkIdParam, publicLinkGuard, tokenHashOf } from './link-guards';

/** Create, list, revoke (signed); state, reveal, opened (public). */
export function linkRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  const guard = publicLinkGuard(deps);
  return new Hono<RelayEnv>()
    .post(LINKS_PATH, auth(MAX_ONE_ENVELOPE_BODY_BYTES), async (c) => {
      const link = parseJsonBody(c.var.body, createLinkRequestSchema);
      const now = deps.now();
      if (link.expiresAt <= now || link.expiresAt > now + LINK_MAX_LIFETIME_MS + MAX_CLOCK_SKEW_MS) {
        throw new RelayHttpError('invalid-expiry', 'expiresAt must be in the future and at most 30 days ahead');
      }
      const outcome = await deps.store.createLink({ ...link, owner: c.var.handle }, now, deps.limits.links.maxLivePerIdentity);
      if (outcome === 'exists') throw new RelayHttpError('exists', 'a link with this id exists');
      if (outcome === 'too-many') throw new RelayHttpError('too-many-links', 'this identity holds as many live links and requests as the relay allows', { retryAfterSeconds: 3600 });
      return c.json({ created: true as const }, 201);
    })
    .get(LINKS_PATH, auth(0), async (c) => {
      const links = await deps.store.listOwnedLinks(c.var.handle, deps.now());
      return c.json({ links: links satisfies OwnedLink[] });
    })
    .post(LINK_REVOKE_PATH, auth(MAX_SMALL_BODY_BYTES), async (c) => {
      const { id } = parseJsonBody(c.var.body, revokeLinkRequestSchema);
      return c.json({ revoked: await deps.store.revokeLink(c.var.handle, id, deps.now()) });
    })
    .get(`${LINKS_PATH}/:id`, guard, async (c) => {
      const meta = await deps.store.findLink(linkIdParam(c), deps.now());
      if (!meta) throw new RelayHttpError('not-found', 'no such link (it may have expired)');
      return c.json(meta satisfies LinkMeta);
    })
    .post(`${LINKS_PATH}/:id/reveal`, guard, async (c) => {
      const id = linkIdParam(c);
      const { token } = parseJsonBody(await readBody(c, MAX_SMALL_BODY_BYTES), revealRequestSchema);
      const outcome = await deps.store.revealLink(id, tokenHashOf(token), deps.now());
      if (outcome.ok) return c.json({ content: outcome.content, viewsLeft: outcome.viewsLeft } satisfies RevealResponse);
      if (outcome.reason === 'not-found') throw new RelayHttpError('not-found', 'no such link (it may have expired)');
      if (outcome.reason === 'wrong-token') throw new RelayHttpError('forbidden', 'this is not the link’s access token (a wrong passphrase?); no view was spent');
      throw new RelayHttpError('gone', 'this link was opened as often as allowed, has expired or was revoked');
    })
    .post(`${LINKS_PATH}/:id/opened`, guard, async (c) => {
      const id = linkIdParam(c);
      const proof = parseJsonBody(await readBody(c, MAX_SMALL_BODY_BYTES), openedProofSchema);
      const now = deps.now();
      const meta = await deps.store.findLink(id, now);
      if (!meta) throw new RelayHttpError('not-found', 'no such link (it may have expired)');
      if (proof.at > now + MAX_CLOCK_SKEW_MS || !verifyOpenedProof(meta.receiptKey, id, proof, deps.verify)) {
        throw new RelayHttpError('forbidden', 'this proof was not made by a page that opened the link');
      }
      return c.json({ recorded: await deps.store.recordOpen(id, proof) });
    });
}
