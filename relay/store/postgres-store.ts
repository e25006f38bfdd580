/**
 * The PostgreSQL store (pg): shared by every relay process of a deployment, so nonces, rate counters,
 * sessions, post ids and mailbox limits hold across processes. A batch post locks its recipients' identity
 * rows (in handle order, so two batches never deadlock) before it counts and inserts, which makes the
 * mailbox limit exact under concurrent posts and serializes two tries of the same post. A request's claim
 * (nonce, counters, session) is spent last in its transaction, so the hot counter rows are locked only
 * until the commit that follows.
 */
import pg from 'pg';
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import { BatchRefusal } from './batch-refusal';
import { findFullMailboxes, type MailboxUsage } from './find-full-mailboxes';
import { parseBundleRow } from './parse-bundle-row';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { createPostgresFolderStore } from './postgres-folder-store';
import { createPostgresLinkStore } from './postgres-link-store';
import { ClaimRefused, type PostOutcome, type RelayStore, type RequestClaim, type StoredEnvelope } from './relay-store';

export interface PostgresStoreOptions {
  /** A libpq connection string, e.g. `postgres://relay:secret@db.internal/relay`. */
  connectionString: string;
  /** Schema to keep the tables in, created if missing; `public` by default. Tests use one each. */
  schema?: string;
  /** Most connections this process opens; 10 by default. */
  maxConnections?: number;
}

/** Any fixed number: every relay process takes this advisory lock to migrate one at a time. */
const MIGRATION_LOCK = 7_261_903_418;

/** A pool or a client inside a transaction. */
type Queryable = pg.Pool | pg.PoolClient;

interface EnvelopeRow {
  id: string;
  sender: string;
  post_id: string;
  share_id: string;
  posted_at: string;
  expires_at: string;
  envelope: string;
}

/**
 * Connects a pool to PostgreSQL; call migrate() before use.
 * @throws RangeError when `schema` is not a plain lowercase identifier
 * @example const store = openPostgresStore({ connectionString: process.env.DATABASE_URL! }); await store.migrate();
 */
export function openPostgresStore(options: PostgresStoreOptions): RelayStore {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError('postgres store: schema must be a lowercase identifier');
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  // An idle connection dropped by the server is replaced on next use; without a listener it would crash the process.
  pool.on('error', (error) => console.error(`relay: postgres connection lost (${error.message})`));

  async function findIdentity(handle: string): Promise<IdentityBundle | null> {
    const result = await pool.query<{ bundle: string }>('SELECT bundle FROM identities WHERE handle = $1', [handle]);
    const row = result.rows[0];
    return row ? parseBundleRow(row.bundle) : null;
  }

  /**
   * Deletes the envelopes matching `where` and counts their bytes off the storage budget, in one statement.
   * @returns how many were deleted
   */
  async function dropEnvelopes(q: Queryable, where: string, values: unknown[]): Promise<number> {
    const result = await q.query<{ deleted: string }>(
      `WITH gone AS (DELETE FROM envelopes WHERE ${where} RETURNING size)
       UPDATE relay_usage SET bytes = bytes - (SELECT coalesce(sum(size), 0) FROM gone) WHERE id = 1 RETURNING (SELECT count(*) FROM gone) AS deleted`,
      values,
    );
    return Number(result.rows[0]?.deleted ?? 0);
  }

  async function countRequest(q: Queryable, key: string, windowStart: number, expiresAt: number): Promise<number> {
    const result = await q.query<{ count: number }>(
      `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 RETURNING count`,
      [key, windowStart, expiresAt],
    );
    const row = result.rows[0];
    if (!row) throw new Error('postgres store: rate counter upsert returned nothing');
    return row.count;
  }

  /** Spends a request's claim inside `client`'s transaction; last, so the counter rows stay locked briefly. */
  async function spend(client: pg.PoolClient, claim: RequestClaim | undefined): Promise<void> {
    if (!claim) return;
    if (claim.session !== null) {
      const open = await client.query('SELECT 1 FROM sessions WHERE id = $1 AND handle = $2 AND expires_at > $3', [claim.session, claim.handle, claim.now]);
      if (open.rowCount === 0) throw new ClaimRefused('session-closed');
    }
    const nonce = await client.query('INSERT INTO nonces (expires_at, handle, nonce) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      claim.nonceExpiresAt,
      claim.handle,
      claim.nonce,
    ]);
    if (nonce.rowCount === 0) throw new ClaimRefused('replayed');
    for (const count of claim.counts) {
      if ((await countRequest(client, count.key, count.windowStart, count.expiresAt)) > count.limit) throw new ClaimRefused('rate-limited', count.expiresAt);
    }
  }

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    // Links and requests (issue 14).
    ...createPostgresLinkStore(pool),
    // Shared folders (issue 13).
    ...createPostgresFolderStore(pool, { transaction, spend }),

    async migrate() {
      await transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query('CREATE TABLE IF NOT EXISTS relay_schema_version (version integer NOT NULL)');
        const rows = await client.query<{ version: number }>('SELECT version FROM relay_schema_version');
        let version = rows.rows[0]?.version ?? 0;
        if (rows.rowCount === 0) await client.query('INSERT INTO relay_schema_version (version) VALUES (0)');
        for (const [index, migration] of POSTGRES_MIGRATIONS.entries()) {
          if (index < version) continue;
          await client.query(migration);
          version = index + 1;
        }
        await client.query('UPDATE relay_schema_version SET version = $1', [version]);
      });
    },

    async registerIdentity(bundle: IdentityBundle, now: number) {
      const inserted = await pool.query(
        'INSERT INTO identities (handle, signing_key, encryption_key, bundle, registered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (handle) DO NOTHING',
        [bundle.handle, bundle.signingKey, bundle.encryptionKey, JSON.stringify(bundle), now],
      );
      if (inserted.rowCount === 1) return { created: true };
      const existing = await findIdentity(bundle.handle);
      if (!existing) throw new Error('postgres store: identity vanished during registration');
      return { created: false, existing };
    },

    findIdentity,

    async upgradeIdentity(bundle) {
      const updated = await pool.query('UPDATE identities SET bundle = $1 WHERE handle = $2 AND signing_key = $3 AND encryption_key = $4', [
        JSON.stringify(bundle),
        bundle.handle,
        bundle.signingKey,
        bundle.encryptionKey,
      ]);
      return updated.rowCount === 1;
    },

    async claimNonce(handle, nonce, expiresAt) {
      const result = await pool.query('INSERT INTO nonces (expires_at, handle, nonce) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [expiresAt, handle, nonce]);
      return result.rowCount === 1;
    },

    countRequest: (key, windowStart, expiresAt) => countRequest(pool, key, windowStart, expiresAt),

    async spendClaim(claim) {
      await transaction((client) => spend(client, claim));
    },

    async postEnvelopes(sender, batch, now, limits, claim) {
      try {
        return await transaction(async (client): Promise<PostOutcome> => {
          const recipients = [...new Set(batch.map((item) => item.recipient))].sort();
          // Locks the recipients first: two tries of one post wait for each other here, so the second sees the first's post ids.
          const found = await client.query<{ handle: string }>('SELECT handle FROM identities WHERE handle = ANY($1::text[]) ORDER BY handle FOR UPDATE', [recipients]);
          const before = await client.query<{ post_id: string; envelope_id: string }>(
            'SELECT post_id, envelope_id FROM post_ids WHERE sender = $1 AND post_id = ANY($2::text[])',
            [sender, batch.map((item) => item.postId)],
          );
          const earlier = new Map(before.rows.map((row) => [row.post_id, Number(row.envelope_id)]));
          // One row per new post id: a retried post, or the same id twice in the batch, is stored once.
          const fresh = batch.filter((item, i) => !earlier.has(item.postId) && batch.findIndex((other) => other.postId === item.postId) === i);
          if (fresh.some((item) => !found.rows.some((row) => row.handle === item.recipient))) throw new BatchRefusal({ ok: false, reason: 'unknown-recipient' });
          // Read without a lock, so posts to different mailboxes do not wait for each other: concurrent posts
          // may pass the budget by their own size at most.
          const bytes = fresh.reduce((sum, item) => sum + item.size, 0);
          const stored = await client.query<{ bytes: string }>('SELECT bytes FROM relay_usage WHERE id = 1');
          // A batch of retries only (nothing new to store) is answered even on a full relay.
          if (bytes > 0 && Number(stored.rows[0]?.bytes ?? 0) + bytes > limits.storageMaxBytes) throw new BatchRefusal({ ok: false, reason: 'relay-full' });

          const usageRows = await client.query<{ recipient: string; count: string; bytes: string }>(
            `SELECT recipient, count(*) AS count, coalesce(sum(size), 0) AS bytes FROM envelopes
             WHERE recipient = ANY($1::text[]) AND expires_at > $2 GROUP BY recipient`,
            [recipients, now],
          );
          const usage = new Map<string, MailboxUsage>(usageRows.rows.map((row) => [row.recipient, { count: Number(row.count), bytes: Number(row.bytes) }]));
          const full = findFullMailboxes(fresh, usage, limits.mailbox);
          if (full.length > 0) throw new BatchRefusal({ ok: false, reason: 'mailbox-full', recipients: full });

          if (fresh.length > 0) {
            // Identity values are drawn in the SELECT's order (ORDER BY n), so ids follow the request order.
            const inserted = await client.query<{ id: string; post_id: string }>(
              `WITH stored AS (
                 INSERT INTO envelopes (recipient, sender, post_id, share_id, posted_at, expires_at, size, envelope)
                 SELECT recipient, $2, post_id, share_id, $3, expires_at, size, envelope
                 FROM unnest($1::text[], $4::text[], $5::text[], $6::bigint[], $7::integer[], $8::text[]) WITH ORDINALITY
                   AS t (recipient, post_id, share_id, expires_at, size, envelope, n)
                 ORDER BY n RETURNING id, post_id, expires_at
               )
               INSERT INTO post_ids (sender, post_id, envelope_id, expires_at) SELECT $2, post_id, id, expires_at FROM stored RETURNING envelope_id AS id, post_id`,
              [
                fresh.map((item) => item.recipient),
                sender,
                now,
                fresh.map((item) => item.postId),
                fresh.map((item) => item.shareId),
                fresh.map((item) => item.expiresAt),
                fresh.map((item) => item.size),
                fresh.map((item) => item.envelope),
              ],
            );
            for (const row of inserted.rows) earlier.set(row.post_id, Number(row.id));
            // Last, so the usage row is locked only until the commit that follows.
            await client.query('UPDATE relay_usage SET bytes = bytes + $1 WHERE id = 1', [bytes]);
          }
          await spend(client, claim);
          return { ok: true, ids: batch.map((item) => earlier.get(item.postId) ?? 0) };
        });
      } catch (error) {
        if (error instanceof BatchRefusal) return error.outcome;
        throw error;
      }
    },

    async listMailbox(recipient, after, limit, now, claim) {
      const rows = await transaction(async (client) => {
        await dropEnvelopes(client, 'recipient = $1 AND expires_at <= $2', [recipient, now]);
        const result = await client.query<EnvelopeRow>(
          `SELECT id, sender, post_id, share_id, posted_at, expires_at, envelope FROM envelopes
           WHERE recipient = $1 AND id > $2 AND expires_at > $3 ORDER BY id LIMIT $4`,
          [recipient, after, now, limit],
        );
        await spend(client, claim);
        return result.rows;
      });
      return rows.map(
        (row): StoredEnvelope => ({
          id: Number(row.id),
          sender: row.sender,
          postId: row.post_id,
          shareId: row.share_id,
          postedAt: Number(row.posted_at),
          expiresAt: Number(row.expires_at),
          envelope: row.envelope,
        }),
      );
    },

    async ackEnvelopes(recipient, ids, claim) {
      return transaction(async (client) => {
        const deleted = await dropEnvelopes(client, 'recipient = $1 AND id = ANY($2::bigint[])', [recipient, ids]);
        await spend(client, claim);
        return deleted;
      });
    },

    async revokeShare(poster, shareId, recipients, claim) {
      return transaction(async (client) => {
        const dropped =
          recipients === null
            ? await dropEnvelopes(client, 'share_id = $1 AND sender = $2', [shareId, poster])
            : await dropEnvelopes(client, 'share_id = $1 AND sender = $2 AND recipient = ANY($3::text[])', [shareId, poster, recipients]);
        await spend(client, claim);
        return { dropped };
      });
    },

    async openSession(session, maxPerIdentity) {
      await transaction(async (client) => {
        await client.query('INSERT INTO sessions (id, handle, key, expires_at) VALUES ($1, $2, $3, $4)', [session.id, session.handle, Buffer.from(session.key), session.expiresAt]);
        await client.query('DELETE FROM sessions WHERE handle = $1 AND id NOT IN (SELECT id FROM sessions WHERE handle = $1 ORDER BY expires_at DESC LIMIT $2)', [
          session.handle,
          maxPerIdentity,
        ]);
      });
    },

    async findSession(id, now) {
      const result = await pool.query<{ id: string; handle: string; key: Buffer; expires_at: string }>(
        'SELECT id, handle, key, expires_at FROM sessions WHERE id = $1 AND expires_at > $2',
        [id, now],
      );
      const row = result.rows[0];
      return row ? { id: row.id, handle: row.handle, key: new Uint8Array(row.key), expiresAt: Number(row.expires_at) } : null;
    },

    async revokeSessions(handle, id) {
      const result =
        id === null ? await pool.query('DELETE FROM sessions WHERE handle = $1', [handle]) : await pool.query('DELETE FROM sessions WHERE handle = $1 AND id = $2', [handle, id]);
      return result.rowCount ?? 0;
    },

    async purgeExpired(now) {
      const purge = async (table: string) => (await pool.query(`DELETE FROM ${table} WHERE expires_at <= $1`, [now])).rowCount ?? 0;
      return {
        envelopes: await dropEnvelopes(pool, 'expires_at <= $1', [now]),
        postIds: await purge('post_ids'),
        sessions: await purge('sessions'),
        nonces: await purge('nonces'),
        rateCounters: await purge('rate_counters'),
      };
    },

    async close() {
      await pool.end();
    },
  };
}
