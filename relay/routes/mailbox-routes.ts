/**
 * Envelopes: post a batch to one or more mailboxes, list one's own mailbox, acknowledge (delete) what
 * was delivered. Every route is authenticated (signed or in a session); a mailbox is only ever read or emptied by its owner.
 */
import { Hono } from 'hono';
import {
  ackRequestSchema,
  mailboxQuerySchema,
  postEnvelopesRequestSchema,
  type AckResponse,
  type MailboxPage,
  type PostEnvelopesResponse,
} from '../../lib/relay-protocol/envelope-schemas';
import { DEFAULT_LIST_LIMIT, MAX_BODY_BYTES, MAX_CLOCK_SKEW_MS, MAX_LIFETIME_MS, MAX_SMALL_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';
import type { EnvelopeToStore } from '../store/relay-store';

/** How long a sender should wait before retrying a batch refused for a full mailbox or relay, s. */
const FULL_RETRY_AFTER_S = 15 * 60;

const utf8 = new TextEncoder();

/** Post, list and acknowledge routes; `auth` is the app's authenticate middleware, whose claim each store call spends. */
export function mailboxRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  return new Hono<RelayEnv>()
    .post(ENVELOPES_PATH, auth(MAX_BODY_BYTES, 'in-route'), async (c) => {
      const request = parseJsonBody(c.var.body, postEnvelopesRequestSchema);
      const now = deps.now();
      const batch = request.envelopes.map((item): EnvelopeToStore => {
        const expiresAt = item.expiresAt ?? now + MAX_LIFETIME_MS;
        // The poster's clock may run a little ahead of ours: accept the skew, store at most 90 days.
        if (expiresAt <= now || expiresAt > now + MAX_LIFETIME_MS + MAX_CLOCK_SKEW_MS) {
          throw new RelayHttpError('invalid-expiry', 'expiresAt must be in the future and at most 90 days ahead');
        }
        return {
          recipient: item.to,
          shareId: item.shareId,
          postId: item.id,
          expiresAt: Math.min(expiresAt, now + MAX_LIFETIME_MS),
          envelope: item.envelope,
          size: utf8.encode(item.envelope).length,
        };
      });
      const limits = { mailbox: deps.limits.mailbox, storageMaxBytes: deps.limits.storageMaxBytes };
      const outcome = await deps.store.postEnvelopes(c.var.handle, batch, now, limits, c.var.claim);
      if (outcome.ok) return c.json({ ids: outcome.ids } satisfies PostEnvelopesResponse, 201);
      switch (outcome.reason) {
        case 'unknown-recipient':
          // Without naming them: one call must not tell which of 100 handles exist (T07).
          throw new RelayHttpError('unknown-recipient', 'no identity is registered for some recipients; nothing was stored');
        case 'mailbox-full':
          throw new RelayHttpError('mailbox-full', 'some recipients’ mailboxes are full; nothing was stored', {
            recipients: outcome.recipients,
            retryAfterSeconds: FULL_RETRY_AFTER_S,
          });
        case 'relay-full':
          throw new RelayHttpError('relay-full', 'the relay is out of storage for envelopes; nothing was stored', { retryAfterSeconds: FULL_RETRY_AFTER_S });
      }
    })
    .get(MAILBOX_PATH, auth(0, 'in-route'), async (c) => {
      const query = mailboxQuerySchema.safeParse(c.req.query());
      if (!query.success) throw new RelayHttpError('invalid-request', 'invalid request: query');
      const limit = query.data.limit ?? DEFAULT_LIST_LIMIT;
      // One more than asked, to know whether another page follows.
      const rows = await deps.store.listMailbox(c.var.handle, query.data.after ?? 0, limit + 1, deps.now(), c.var.claim);
      const page = rows.slice(0, limit);
      return c.json({
        envelopes: page.map((row) => ({
          id: row.id,
          from: row.sender,
          postId: row.postId,
          shareId: row.shareId,
          postedAt: row.postedAt,
          expiresAt: row.expiresAt,
          envelope: row.envelope,
        })),
        next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      } satisfies MailboxPage);
    })
    .post(MAILBOX_ACK_PATH, auth(MAX_SMALL_BODY_BYTES, 'in-route'), async (c) => {
      const request = parseJsonBody(c.var.body, ackRequestSchema);
      const deleted = await deps.store.ackEnvelopes(c.var.handle, request.ids, c.var.claim);
      return c.json({ deleted } satisfies AckResponse);
    });
}
