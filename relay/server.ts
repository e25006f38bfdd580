/**
 * The relay process: `tsx relay/server.ts` (npm run relay). Reads its settings from the environment
 * (relay-config.ts), opens and migrates the store, and serves the app, purging on a timer and shutting
 * down cleanly on SIGINT or SIGTERM. With RELAY_WORKERS above 1 it is a node:cluster primary: it migrates
 * and purges, and that many worker processes serve on the one port over the one store (SQLite in WAL
 * mode, or PostgreSQL), so one deployment uses every core.
 */
import './zod-jitless';
import cluster from 'node:cluster';
import { readRelayConfig, type RelayConfig } from './relay-config';
import { serveRelay } from './serve-relay';
import { startPurgeTimer } from './start-purge-timer';
import { openStore } from './store/open-store';
import type { RelayStore } from './store/relay-store';

/** The settings, or exit 1 with one readable line naming every bad variable. */
function configOrExit(): RelayConfig {
  try {
    return readRelayConfig(process.env);
  } catch (error) {
    console.error(`relay: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Opens and migrates the store, or exits 1 with one readable line (an unreachable database, say). */
async function storeOrExit(config: RelayConfig, purge: boolean): Promise<RelayStore> {
  try {
    const store = await openStore(config);
    if (purge) {
      await store.purgeExpired(Date.now());
      await store.purgeExpiredLinks(Date.now());
    }
    return store;
  } catch (error) {
    console.error(`relay: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** How long the workers may take to stop after the primary's stop signal, ms. */
const CLUSTER_SHUTDOWN_MS = 10_000;

/** The cluster primary: migrates and purges, forks the workers, replaces one that dies, stops them all on a signal. */
async function runPrimary(config: RelayConfig): Promise<void> {
  const store = await storeOrExit(config, true);
  const stopPurge = startPurgeTimer(store, Date.now, config.purgeIntervalMs);
  let listening = 0;
  let alive = 0;
  let stopping = false;
  const fork = () => {
    alive++;
    cluster.fork();
  };
  cluster.on('listening', (_worker, address) => {
    // Tests and scripts read the port from this line (PORT=0 picks a free one, shared by every worker).
    if (++listening === config.workers) console.log(`relay: listening on http://${config.host}:${address.port} (${store.kind}, ${config.workers} processes)`);
  });
  cluster.on('exit', (worker, code) => {
    alive--;
    if (!stopping) {
      console.error(`relay: worker ${worker.process.pid} exited (${code ?? 'signal'}); starting another`);
      fork();
    } else if (alive === 0) {
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  for (let i = 0; i < config.workers; i++) fork();
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`relay: ${signal}, shutting down`);
    stopPurge();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), CLUSTER_SHUTDOWN_MS).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** One serving process: alone (it also purges and prints where it listens) or as a cluster worker. */
async function runServer(config: RelayConfig, alone: boolean): Promise<void> {
  const store = await storeOrExit(config, alone);
  const stopPurge = alone ? startPurgeTimer(store, Date.now, config.purgeIntervalMs) : () => undefined;
  const relay = serveRelay(config, store, (port) => {
    // Tests and scripts read the port from this line (PORT=0 picks a free one).
    if (alone) console.log(`relay: listening on http://${config.host}:${port} (${store.kind})`);
  });
  const shutdown = (signal: string) => {
    if (alone) console.log(`relay: ${signal}, shutting down`);
    stopPurge();
    relay.stop();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

const config = configOrExit();
if (cluster.isWorker) await runServer(config, false);
else if (config.workers > 1) await runPrimary(config);
else await runServer(config, true);
