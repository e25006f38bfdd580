/**
 * The link and request pages (issue 14): `GET /l/` and `GET /r/` (HEAD too), static HTML whose inline
 * script and style the CSP names by hash. Serving a page changes nothing: the secret is in the fragment,
 * which never reaches the relay, and only the page's explicit Reveal spends a view (T25).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { LINK_PAGE_PATH, REQUEST_PAGE_PATH } from '../../lib/relay-protocol/link-paths';
import type { RelayPage } from '../pages/relay-pages';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';

function send(c: Context, page: RelayPage | undefined): Response {
  if (!page) throw new RelayHttpError('not-found', 'this relay serves no link pages');
  c.header('Content-Security-Policy', page.csp);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  return c.html(page.html);
}

/** The two page routes; `perAddress` counts them against the caller's address. */
export function pageRoutes(deps: RelayDeps, perAddress: MiddlewareHandler) {
  return new Hono<RelayEnv>()
    .get(LINK_PAGE_PATH, perAddress, (c) => send(c, deps.pages?.link))
    .get(REQUEST_PAGE_PATH, perAddress, (c) => send(c, deps.pages?.request));
}
