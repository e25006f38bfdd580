/**
 * The relay as a Hono app (DESIGN §7): CORS, a per-address rate limit and a body-size cap in front of
 * the routes, JSON errors behind them. Tests call it through `app.request()`; server.ts serves it.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { AUTH_HEADERS } from '../lib/relay-protocol/auth-headers';
import { MAX_BODY_BYTES } from '../lib/relay-protocol/relay-limits';
import { authenticate } from './authenticate';
import { handleError } from './handle-error';
import { enforceRate } from './rate-limit';
import type { RelayDeps, RelayEnv } from './relay-deps';
import { RelayHttpError } from './relay-http-error';
import { healthRoutes } from './routes/health-routes';
import { identityRoutes } from './routes/identity-routes';
import { mailboxRoutes } from './routes/mailbox-routes';
import { shareRoutes } from './routes/share-routes';

/**
 * Builds the relay app.
 * @example const app = createApp({ store, now: Date.now, limits: DEFAULT_LIMITS, clientAddress: () => '127.0.0.1' });
 */
export function createApp(deps: RelayDeps) {
  const app = new Hono<RelayEnv>();
  app.onError(handleError);
  app.notFound((c) => handleError(new RelayHttpError('not-found', 'no such route'), c));

  // Any origin may call: the relay authenticates by a signature in headers, never by cookies or other
  // ambient credentials, so a web page gains nothing by calling it that it could not get by calling it
  // from its own server (public bundles only). '*' also admits Firefox's moz-extension:// origins,
  // which differ per installation and could not be listed.
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', ...Object.values(AUTH_HEADERS)],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    await enforceRate(deps, `addr:${deps.clientAddress(c)}`, deps.limits.perAddressPerMinute);
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new RelayHttpError('body-too-large', `the request body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  const auth = authenticate(deps);
  app.route('/', healthRoutes(deps));
  app.route('/', identityRoutes(deps));
  app.route('/', mailboxRoutes(deps, auth));
  app.route('/', shareRoutes(deps, auth));
  return app;
}
