/**
 * The relay as a Hono app (DESIGN §7): CORS and a per-address rate limit in front of the routes, JSON
 * errors behind them; routes read bodies with a size cap (read-body.ts). Tests call it through
 * `app.request()`; server.ts serves it.
 */
import { Hono } from 'hono';
import { allowCors } from './allow-cors';
import { authenticate } from './authenticate';
import { handleError } from './handle-error';
import { enforceRate } from './rate-limit';
import type { RelayDeps, RelayEnv } from './relay-deps';
import { RelayHttpError } from './relay-http-error';
import { healthRoutes } from './routes/health-routes';
import { identityRoutes } from './routes/identity-routes';
import { mailboxRoutes } from './routes/mailbox-routes';
import { shareRoutes } from './routes/share-routes';
import { linkRoutes } from './routes/link-routes';
import { pageRoutes } from './routes/page-routes';
import { requestRoutes } from './routes/request-routes';

/**
 * Builds the relay app.
 * @example const app = createApp({ store, now: Date.now, limits: DEFAULT_LIMITS, clientAddress: () => '127.0.0.1' });
 */
export function createApp(deps: RelayDeps) {
  const app = new Hono<RelayEnv>();
  app.onError(handleError);
  app.notFound((c) => handleError(new RelayHttpError('not-found', 'no such route'), c));

  app.use('*', allowCors);
  app.use('*', async (c, next) => {
    await enforceRate(deps, `addr:${deps.clientAddress(c)}`, deps.limits.perAddressPerMinute);
    await next();
  });

  const auth = authenticate(deps);
  app.route('/', healthRoutes(deps));
  app.route('/', identityRoutes(deps));
  app.route('/', mailboxRoutes(deps, auth));
  app.route('/', shareRoutes(deps, auth));
  // One-time links and secret requests (issue 14): their API and the two public pages.
  app.route('/', linkRoutes(deps, auth));
  app.route('/', requestRoutes(deps, auth));
  app.route('/', pageRoutes(deps));
  return app;
}
