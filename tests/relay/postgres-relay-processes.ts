/**
 * Two (or more) relay processes sharing one PostgreSQL database, each run in a fresh schema that is dropped
 * afterwards: the set-up of every multi-process test on PostgreSQL (envelopes, links, folders).
 */
import pg from 'pg';
import { spawnRelay, type RelayProcess } from './spawn-relay';

export interface PostgresRelayProcesses {
  relays: RelayProcess[];
  /** Stops every process, then drops the schema. */
  stop(): Promise<void>;
}

/**
 * @param databaseUrl - TEST_DATABASE_URL
 * @param prefix - the schema's name before a random suffix (lowercase letters and `_`)
 * @param count - how many processes, 2 by default
 * @param env - more environment for every process (limits)
 * @throws Error with a process's output when one does not start
 */
export async function startPostgresRelays(databaseUrl: string, prefix: string, count = 2, env: Record<string, string> = {}): Promise<PostgresRelayProcesses> {
  const schema = `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
  const relays = await Promise.all(Array.from({ length: count }, () => spawnRelay({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, ...env })));
  return {
    relays,
    async stop() {
      await Promise.all(relays.map((relay) => relay.stop()));
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
