/** Picks the store from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPostgresStore } from './postgres-store';
import type { RelayStore } from './relay-store';
import { openSqliteStore } from './sqlite-store';

/** Name of the SQLite file inside DATA_DIR. */
export const SQLITE_FILENAME = 'relay.sqlite';

/**
 * Opens and migrates the configured store.
 * @param config - `databaseUrl` (and optionally `databaseSchema`) for PostgreSQL, else `dataDir` (created
 *   if missing) for SQLite
 */
export async function openStore(config: { databaseUrl: string | undefined; databaseSchema: string | undefined; dataDir: string }): Promise<RelayStore> {
  let store: RelayStore;
  if (config.databaseUrl) {
    store = openPostgresStore({ connectionString: config.databaseUrl, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) });
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    store = openSqliteStore(join(config.dataDir, SQLITE_FILENAME));
  }
  await store.migrate();
  return store;
}
