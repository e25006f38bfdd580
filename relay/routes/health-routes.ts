/** GET /v1/health: unsigned; answers with the relay's clock so a client can see its own offset. */
import { Hono, type MiddlewareHandler } from 'hono';
import type { HealthResponse } from '../../lib/relay-protocol/health-schema';
import { HEALTH_PATH } from '../../lib/relay-protocol/relay-paths';
import type { RelayDeps, RelayEnv } from '../relay-deps';

/** The health route; `perAddress` counts it against the caller's address. */
export function healthRoutes(deps: RelayDeps, perAddress: MiddlewareHandler) {
  return new Hono<RelayEnv>().get(HEALTH_PATH, perAddress, (c) => c.json({ status: 'ok', protocol: 1, time: deps.now() } satisfies HealthResponse));
}
