/**
 * The relay process: `tsx relay/server.ts` (npm run relay). Reads its settings from the environment
 * (relay-config.ts), opens and migrates the store, serves the app, purges on a timer, and shuts down
 * cleanly on SIGINT or SIGTERM.
 */
import './zod-jitless';
import { serve } from '@hono/node-server';
import { createApp } from './create-app';
import { nodeClientAddress } from './node-client-address';
import { createNodeEd25519Verifier } from './node-ed25519-verifier';
import { readRelayConfig } from './relay-config';
import { startPurgeTimer } from './start-purge-timer';
import { openStore } from './store/open-store';
import { loadRelayPages, type RelayPages } from './pages/relay-pages';

/** Opens what the relay needs, or exits 1 with one readable line (a bad variable, an unreachable database). */
async function start() {
  try {
    const config = readRelayConfig(process.env);
    const store = await openStore(config);
    await store.purgeExpired(Date.now());
    await store.purgeExpiredLinks(Date.now());
    return { config, store };
  } catch (error) {
    console.error(`relay: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const { config, store } = await start();

/** The link and request pages (issue 14); a relay without them still carries envelopes, and says so. */
function readPages(): RelayPages | undefined {
  try {
    return loadRelayPages(config.pagesDir);
  } catch (error) {
    console.error(`relay: /l/ and /r/ answer 404: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
const pages = readPages();
const app = createApp({
  store,
  now: Date.now,
  limits: config.limits,
  clientAddress: nodeClientAddress(config.trustProxy),
  verify: createNodeEd25519Verifier(),
  ...(pages ? { pages } : {}),
});
const stopPurge = startPurgeTimer(store, Date.now, config.purgeIntervalMs);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  // Tests and scripts read the port from this line (PORT=0 picks a free one).
  console.log(`relay: listening on http://${config.host}:${info.port} (${store.kind})`);
});

/** How long requests in flight may take to finish after a stop signal, ms. */
const SHUTDOWN_GRACE_MS = 5000;

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`relay: ${signal}, shutting down`);
  stopPurge();
  // Stop accepting, let requests in flight finish, then close the store they use.
  server.close(() => {
    store.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
