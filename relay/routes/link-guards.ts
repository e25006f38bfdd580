/**
 * What every public link and request route shares (issue 14): the per-address limit on top of the app's
 * own, an id checked before any lookup, answers that are never cached nor carry a referrer, and the
 * relay's side of a token (SHA-256, as the owner registered it).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { linkIdSchema } from '../../lib/relay-protocol/link-schemas';
import { enforceRate } from '../rate-limit';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

/** Middleware: counts a public call against its address (the app's limit and the link limit) and marks the answer uncacheable. */
export function publicLinkGuard(deps: RelayDeps) {
  return async (c: Context<RelayEnv>, next: () => Promise<void>) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    await enforceRate(deps, `addr:${deps.clientAddress(c)}`, deps.limits.perAddressPerMinute);
    await enforceRate(deps, `link:${deps.clientAddress(c)}`, deps.limits.links.perAddressPerMinute);
    await next();
  };
}

/**
 * @returns the route's `:id`
 * @throws RelayHttpError 400 invalid-request when it is not 16 bytes of base64url
 */
export function linkIdParam(c: Context): string {
  const id = linkIdSchema.safeParse(c.req.param('id'));
  if (!id.success) throw new RelayHttpError('invalid-request', 'invalid request: id');
  return id.data;
}

/** SHA-256 of a base64url token's bytes, base64url: what the owner registered (lib/links/format/derive-link-keys). */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(Buffer.from(token, 'base64url')).digest('base64url');
}
