/**
 * Serves the relay app over one store in this process, and stops it cleanly: stop accepting, let requests
 * in flight finish, close the store, exit. Used by server.ts alone and by each cluster worker.
 */
import { serve } from '@hono/node-server';
import { createApp } from './create-app';
import { nodeClientAddress } from './node-client-address';
import { createNodeEd25519Verifier } from './node-ed25519-verifier';
import { loadRelayPages, type RelayPages } from './pages/relay-pages';
import type { RelayConfig } from './relay-config';
import type { RelayStore } from './store/relay-store';

/** How long requests in flight may take to finish after a stop signal, ms. */
const SHUTDOWN_GRACE_MS = 5000;

/** The link and request pages (issue 14); a relay without them still carries envelopes, and says so. */
function readPages(dir: string): RelayPages | undefined {
  try {
    return loadRelayPages(dir);
  } catch (error) {
    console.error(`relay: /l/ and /r/ answer 404: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * @param onListening - called once with the port the server listens on
 * @returns `stop`, which ends the process: exit 0 once the store is closed, 1 after the grace period
 */
export function serveRelay(config: RelayConfig, store: RelayStore, onListening: (port: number) => void): { stop: () => void } {
  const pages = readPages(config.pagesDir);
  const app = createApp({
    store,
    now: Date.now,
    limits: config.limits,
    clientAddress: nodeClientAddress(config.trustProxy),
    verify: createNodeEd25519Verifier(),
    ...(pages ? { pages } : {}),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => onListening(info.port));
  let stopping = false;
  return {
    stop() {
      if (stopping) return;
      stopping = true;
      server.close(() => {
        store.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    },
  };
}
