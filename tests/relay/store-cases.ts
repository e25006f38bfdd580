/**
 * The two stores every relay suite runs against: SQLite in a temp folder, and PostgreSQL in a schema of
 * its own inside TEST_DATABASE_URL (dropped afterwards). Without TEST_DATABASE_URL the PostgreSQL run is
 * reported as skipped, with how to enable it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { openPostgresStore } from '../../relay/store/postgres-store';
import type { RelayStore } from '../../relay/store/relay-store';
import { openSqliteStore } from '../../relay/store/sqlite-store';

/** PostgreSQL for the store tests; `.ci/run` sets it from scripts/ensure-postgres.sh. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface OpenedStore {
  store: RelayStore;
  /** Opens a second store on the same database, as a second relay process would. */
  openSibling(): Promise<RelayStore>;
  /** Every row of every table, as JSON text. */
  dumpRows(): Promise<string>;
  /** The database files' raw bytes as Latin-1 text (deleted rows may linger there); null for PostgreSQL. */
  dumpFiles(): string | null;
  /** Deletes every row, so the next test starts empty without a new database. */
  reset(): Promise<void>;
  /** Closes every store opened here and deletes the database. */
  dispose(): Promise<void>;
}

export interface StoreCase {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
}

// Links and requests (issue 14) after the envelope tables; link_opens before links, which it references.
// Shared folders (issue 13) last, the folder's own row after the rows that reference it.
const TABLES = [
  'identities',
  'envelopes',
  'post_ids',
  'sessions',
  'nonces',
  'rate_counters',
  'link_opens',
  'links',
  'requests',
  'request_answers',
  'folder_members',
  'folder_log',
  'folder_messages',
  'folders',
];
/** The storage budget's one row, which counts the envelopes the reset deletes. */
const USAGE_RESET = 'UPDATE relay_usage SET bytes = 0; UPDATE folder_usage SET bytes = 0;';

const sqliteCase: StoreCase = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'sealpass-relay-'));
    const file = join(dir, 'relay.sqlite');
    const opened: RelayStore[] = [];
    const openOne = async () => {
      const store = openSqliteStore(file);
      await store.migrate();
      opened.push(store);
      return store;
    };
    const store = await openOne();
    return {
      store,
      openSibling: openOne,
      async dumpRows() {
        const db = new Database(file, { readonly: true });
        const rows = TABLES.map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()));
        db.close();
        return rows.join('\n');
      },
      async reset() {
        const db = new Database(file);
        db.exec([...TABLES.map((table) => `DELETE FROM ${table};`), USAGE_RESET].join('\n'));
        db.close();
      },
      // The database, its WAL and shared-memory index, read as Latin-1 so any ASCII text in them is searchable.
      dumpFiles: () => readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1')).join('\n'),
      async dispose() {
        for (const each of opened) await each.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresCase = (url: string): StoreCase => ({
  name: 'postgres',
  async open() {
    const schema = `relay_test_${crypto.randomUUID().replaceAll('-', '')}`;
    const opened: RelayStore[] = [];
    const openOne = async () => {
      const store = openPostgresStore({ connectionString: url, schema, maxConnections: 4 });
      await store.migrate();
      opened.push(store);
      return store;
    };
    const store = await openOne();
    const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    return {
      store,
      openSibling: openOne,
      dumpFiles: () => null,
      reset: () =>
        admin(async (client) => {
          await client.query(`TRUNCATE ${TABLES.map((table) => `${schema}.${table}`).join(', ')}`);
          await client.query(`SET search_path = ${schema}; ${USAGE_RESET}`);
        }),
      dumpRows: () =>
        admin(async (client) => {
          const parts: string[] = [];
          for (const table of TABLES) {
            const result = await client.query(`SELECT row_to_json(t)::text AS row FROM ${schema}.${table} t`);
            parts.push(...result.rows.map((row: { row: string }) => row.row));
          }
          return parts.join('\n');
        }),
      async dispose() {
        for (const each of opened) await each.close().catch(() => undefined);
        await admin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      },
    };
  },
});

/**
 * Both stores. Without TEST_DATABASE_URL the PostgreSQL case is declared but skipped (its tests are listed
 * as skipped by name); its store is only built when a test opens it.
 */
export const STORE_CASES: StoreCase[] = [sqliteCase, postgresCase(TEST_DATABASE_URL ?? '')];

/**
 * Opens a store of this case once for the enclosing describe, empties it before each test and deletes
 * it after the last one.
 * @returns the opened store (valid inside tests and hooks)
 */
export function useStore(storeCase: StoreCase): () => OpenedStore {
  let opened: OpenedStore | undefined;
  beforeAll(async () => {
    opened = await storeCase.open();
  });
  beforeEach(async () => {
    await opened?.reset();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return () => {
    if (!opened) throw new Error('useStore: the store is not open yet');
    return opened;
  };
}

/**
 * Declares `suite` once per store, as `title [sqlite]` and `title [postgres]`.
 * @param suite - receives the case; open a store in beforeEach and dispose it in afterEach
 */
export function describeStores(title: string, suite: (storeCase: StoreCase) => void): void {
  for (const storeCase of STORE_CASES) {
    // Skipped without a database: export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)" to run it.
    describe.skipIf(storeCase.name === 'postgres' && !TEST_DATABASE_URL)(`${title} [${storeCase.name}]`, () => suite(storeCase));
  }
}
