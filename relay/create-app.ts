/**
 * The relay as a Hono app (DESIGN §7): CORS in front of the routes, JSON errors behind them; routes read
 * bodies with a size cap (read-body.ts). Every request counts against its address: the authenticated routes
 * in their claim (authenticate.ts), the mailbox and share routes in their own store transaction, the rest
 * (health, identities, sessions, the public link and request calls and pages) on their own.
 * Tests call it through `app.request()`; server.ts serves it.
 */
import { Hono, type Context } from 'hono';
import { allowCors } from './allow-cors';
import { authCaches, authenticate } from './authenticate';
import { handleError } from './handle-error';
import { claimRefusal, enforceRate } from './rate-limit';
import type { RelayDeps, RelayEnv } from './relay-deps';
import { RelayHttpError } from './relay-http-error';
import { healthRoutes } from './routes/health-routes';
import { identityRoutes } from './routes/identity-routes';
import { mailboxRoutes } from './routes/mailbox-routes';
import { sessionRoutes } from './routes/session-routes';
import { shareRoutes } from './routes/share-routes';
import { ClaimRefused } from './store/relay-store';
import { linkRoutes } from './routes/link-routes';
import { pageRoutes } from './routes/page-routes';
import { requestRoutes } from './routes/request-routes';
import { folderRoutes } from './routes/folder-routes';

/**
 * Builds the relay app.
 * @example const app = createApp({ store, now: Date.now, limits: DEFAULT_LIMITS, clientAddress: () => '127.0.0.1' });
 */
export function createApp(deps: RelayDeps) {
  const app = new Hono<RelayEnv>();
  app.onError((error, c) => handleError(error instanceof ClaimRefused ? claimRefusal(error, deps.now()) : error, c));

  /** Counts a request that spends no claim against its address. */
  const perAddress = async (c: Context, next: () => Promise<void>) => {
    await enforceRate(deps, `addr:${deps.clientAddress(c)}`, deps.limits.perAddressPerMinute);
    await next();
  };
  app.notFound(async (c) => {
    try {
      await enforceRate(deps, `addr:${deps.clientAddress(c)}`, deps.limits.perAddressPerMinute);
      throw new RelayHttpError('not-found', 'no such route');
    } catch (error) {
      return handleError(error, c);
    }
  });

  app.use('*', allowCors);
  const caches = authCaches(deps);
  const auth = authenticate(deps, caches);
  app.route('/', healthRoutes(deps, perAddress));
  app.route('/', identityRoutes(deps, perAddress));
  app.route('/', sessionRoutes(deps, perAddress, caches));
  app.route('/', mailboxRoutes(deps, auth));
  app.route('/', shareRoutes(deps, auth));
  // One-time links and secret requests (issue 14): their API and the two public pages.
  app.route('/', linkRoutes(deps, auth));
  app.route('/', requestRoutes(deps, auth));
  app.route('/', pageRoutes(deps, perAddress));
  // Shared folders (issue 13).
  app.route('/', folderRoutes(deps, auth));
  return app;
}
