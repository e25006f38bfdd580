/**
 * CORS for the extension's background, which calls the relay from a chrome-extension:// or
 * moz-extension:// origin. Any origin is allowed: the relay authenticates by a signature in headers,
 * never by cookies or other ambient credentials, so a web page that calls it gains nothing it could not
 * get by calling it from its own server (public bundles only); and Firefox's moz-extension:// origins
 * differ per installation, so they could not be listed.
 *
 * Written here rather than with hono/cors: that one edits `c.res.headers` after the handler, which makes
 * @hono/node-server turn its light response into a full web Response (about 120 µs a request here);
 * setting the headers before the handler costs nothing.
 */
import type { Context } from 'hono';
import { AUTH_HEADERS } from '../lib/relay-protocol/auth-headers';

/** How long a browser may cache a preflight answer, s. */
const PREFLIGHT_MAX_AGE_S = 600;

/** Middleware: answers preflights itself; gives every other response the CORS headers. */
export async function allowCors(c: Context, next: () => Promise<void>): Promise<Response | void> {
  c.header('Access-Control-Allow-Origin', '*');
  if (c.req.method === 'OPTIONS') {
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', ['Content-Type', ...Object.values(AUTH_HEADERS)].join(', '));
    c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
    return c.body(null, 204);
  }
  // Lets the client read how long to wait after a 429.
  c.header('Access-Control-Expose-Headers', 'Retry-After');
  await next();
}
