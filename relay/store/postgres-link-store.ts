/**
 * The PostgreSQL half of links and requests (issue 14), spread into the PostgreSQL store and shared by
 * every relay process of a deployment. A view is spent by one UPDATE … RETURNING whose WHERE checks token,
 * views left, expiry and revocation: under READ COMMITTED a concurrent spend waits for the row and then
 * re-checks the WHERE on the new version, so exactly as many reveals succeed as views were allowed. An
 * answer is one statement too: the UPDATE that spends it and the INSERT that stores it, in one CTE.
 */
import type pg from 'pg';
import { linkStateOf, requestStateOf, type CreateOutcome, type LinkStore, type SpendRefusal } from './link-store';

interface LinkRow {
  id: string;
  token_hash: string;
  receipt_key: string;
  passphrase: boolean;
  created_at: string;
  expires_at: string;
  max_views: number;
  views_left: number;
  revoked_at: string | null;
}
interface RequestRow {
  id: string;
  token_hash: string;
  descriptor: string | null;
  created_at: string;
  expires_at: string;
  max_answers: number;
  answers_left: number;
  revoked_at: string | null;
}

const LINK_COLUMNS = 'id, token_hash, receipt_key, passphrase, created_at, expires_at, max_views, views_left, revoked_at';
const REQUEST_COLUMNS = 'id, token_hash, descriptor, created_at, expires_at, max_answers, answers_left, revoked_at';

function refusalOf(row: { token_hash: string } | undefined, state: string | null, tokenHash: string): SpendRefusal {
  if (!row) return 'not-found';
  if (state !== 'active') return 'gone';
  return row.token_hash === tokenHash ? 'gone' : 'wrong-token';
}

const orNull = (value: string | null) => (value === null ? null : Number(value));

/**
 * @param pool - the PostgreSQL store's pool (its search_path names the relay's schema)
 * @example const store = { ...coreMethods, ...createPostgresLinkStore(pool) };
 */
export function createPostgresLinkStore(pool: pg.Pool): LinkStore {
  /**
   * Inserts a link or request unless the owner is at their ceiling. The owner's identity row is locked
   * first, so two creates by one owner count one after the other (an owner without a row, which signed
   * routes cannot produce, is simply not locked).
   */
  async function create(owner: string, now: number, maxLive: number, insert: (client: pg.PoolClient) => Promise<number>): Promise<CreateOutcome> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM identities WHERE handle = $1 FOR UPDATE', [owner]);
      const live = await client.query<{ n: string }>(
        'SELECT (SELECT count(*) FROM links WHERE owner = $1 AND expires_at > $2) + (SELECT count(*) FROM requests WHERE owner = $1 AND expires_at > $2) AS n',
        [owner, now],
      );
      const outcome: CreateOutcome = Number(live.rows[0]?.n ?? 0) >= maxLive ? 'too-many' : (await insert(client)) === 1 ? 'created' : 'exists';
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    createLink: (link, now, maxLive) =>
      create(link.owner, now, maxLive, async (client) =>
        (
          await client.query(
            `INSERT INTO links (id, owner, token_hash, receipt_key, passphrase, created_at, expires_at, max_views, views_left, revoked_at, content)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, NULL, $9) ON CONFLICT (id) DO NOTHING`,
            [link.id, link.owner, link.tokenHash, link.receiptKey, link.passphrase, now, link.expiresAt, link.maxViews, link.content],
          )
        ).rowCount ?? 0,
      ),

    async findLink(id, now) {
      const row = (await pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM links WHERE id = $1`, [id])).rows[0];
      if (!row) return null;
      return {
        id: row.id,
        state: linkStateOf(row, now),
        expiresAt: Number(row.expires_at),
        maxViews: row.max_views,
        viewsLeft: row.views_left,
        passphrase: row.passphrase,
        receiptKey: row.receipt_key,
      };
    },

    async revealLink(id, tokenHash, now) {
      const spent = (
        await pool.query<{ content: string; views_left: number }>(
          `UPDATE links SET views_left = views_left - 1
           WHERE id = $1 AND token_hash = $2 AND views_left > 0 AND expires_at > $3 AND revoked_at IS NULL AND content IS NOT NULL
           RETURNING content, views_left`,
          [id, tokenHash, now],
        )
      ).rows[0];
      if (spent) {
        // The content of a spent link goes at once; the purge catches it should this process stop in between.
        if (spent.views_left === 0) await pool.query('UPDATE links SET content = NULL WHERE id = $1 AND views_left = 0', [id]);
        return { ok: true, content: spent.content, viewsLeft: spent.views_left };
      }
      const row = (await pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM links WHERE id = $1`, [id])).rows[0];
      return { ok: false, reason: refusalOf(row, row ? linkStateOf(row, now) : null, tokenHash) };
    },

    async recordOpen(id, open) {
      const result = await pool.query(
        `INSERT INTO link_opens (link_id, nonce, at, proof) SELECT $1, $2, $3, $4
         WHERE (SELECT count(*) FROM link_opens WHERE link_id = $1) < (SELECT max_views - views_left FROM links WHERE id = $1)
         ON CONFLICT DO NOTHING`,
        [id, open.nonce, open.at, open.proof],
      );
      return result.rowCount === 1;
    },

    async listOwnedLinks(owner, now) {
      const rows = (await pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM links WHERE owner = $1 ORDER BY created_at`, [owner])).rows;
      const openRows = (
        await pool.query<{ link_id: string; nonce: string; at: string; proof: string }>(
          'SELECT o.link_id, o.nonce, o.at, o.proof FROM link_opens o JOIN links l ON l.id = o.link_id WHERE l.owner = $1 ORDER BY o.at',
          [owner],
        )
      ).rows;
      return rows.map((row) => ({
        id: row.id,
        state: linkStateOf(row, now),
        expiresAt: Number(row.expires_at),
        maxViews: row.max_views,
        viewsLeft: row.views_left,
        createdAt: Number(row.created_at),
        revokedAt: orNull(row.revoked_at),
        opens: openRows.filter((open) => open.link_id === row.id).map((open) => ({ nonce: open.nonce, at: Number(open.at), proof: open.proof })),
      }));
    },

    async revokeLink(owner, id, now) {
      const result = await pool.query('UPDATE links SET revoked_at = $1, content = NULL WHERE id = $2 AND owner = $3 AND revoked_at IS NULL AND expires_at > $1', [now, id, owner]);
      return result.rowCount === 1;
    },

    createRequest: (request, now, maxLive) =>
      create(request.owner, now, maxLive, async (client) =>
        (
          await client.query(
            `INSERT INTO requests (id, owner, token_hash, descriptor, created_at, expires_at, max_answers, answers_left, revoked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, NULL) ON CONFLICT (id) DO NOTHING`,
            [request.id, request.owner, request.tokenHash, request.descriptor, now, request.expiresAt, request.maxAnswers],
          )
        ).rowCount ?? 0,
      ),

    async findRequest(id, now) {
      const row = (await pool.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = $1`, [id])).rows[0];
      if (!row) return null;
      const state = requestStateOf(row, now);
      return { id: row.id, state, expiresAt: Number(row.expires_at), maxAnswers: row.max_answers, answersLeft: row.answers_left, descriptor: state === 'active' ? row.descriptor : null };
    },

    async answerRequest(id, tokenHash, text, now, answerExpiresAt) {
      const inserted = (
        await pool.query<{ id: string }>(
          `WITH spent AS (
             UPDATE requests SET answers_left = answers_left - 1, descriptor = CASE WHEN answers_left = 1 THEN NULL ELSE descriptor END
             WHERE id = $1 AND token_hash = $2 AND answers_left > 0 AND expires_at > $3 AND revoked_at IS NULL
             RETURNING id, owner
           )
           INSERT INTO request_answers (request_id, owner, received_at, expires_at, answer)
           SELECT id, owner, $3, $4, $5 FROM spent RETURNING id`,
          [id, tokenHash, now, answerExpiresAt, text],
        )
      ).rows[0];
      if (inserted) return { ok: true, id: Number(inserted.id) };
      const row = (await pool.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = $1`, [id])).rows[0];
      return { ok: false, reason: refusalOf(row, row ? requestStateOf(row, now) : null, tokenHash) };
    },

    async listOwnedRequests(owner, now) {
      const requests = (await pool.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE owner = $1 ORDER BY created_at`, [owner])).rows;
      const answers = (
        await pool.query<{ id: string; request_id: string; received_at: string; answer: string }>(
          'SELECT id, request_id, received_at, answer FROM request_answers WHERE owner = $1 AND expires_at > $2 ORDER BY id',
          [owner, now],
        )
      ).rows;
      return {
        requests: requests.map((row) => ({
          id: row.id,
          state: requestStateOf(row, now),
          expiresAt: Number(row.expires_at),
          maxAnswers: row.max_answers,
          answersLeft: row.answers_left,
          createdAt: Number(row.created_at),
          revokedAt: orNull(row.revoked_at),
        })),
        answers: answers.map((row) => ({ id: Number(row.id), requestId: row.request_id, receivedAt: Number(row.received_at), answer: row.answer })),
      };
    },

    async revokeRequest(owner, id, now) {
      const result = await pool.query(
        'UPDATE requests SET revoked_at = $1, descriptor = NULL WHERE id = $2 AND owner = $3 AND revoked_at IS NULL AND expires_at > $1',
        [now, id, owner],
      );
      return result.rowCount === 1;
    },

    async ackAnswers(owner, ids) {
      return (await pool.query('DELETE FROM request_answers WHERE owner = $1 AND id = ANY($2::bigint[])', [owner, ids])).rowCount ?? 0;
    },

    async purgeExpiredLinks(now) {
      // link_opens go with their link (ON DELETE CASCADE).
      const links = (await pool.query('DELETE FROM links WHERE expires_at <= $1', [now])).rowCount ?? 0;
      await pool.query('UPDATE links SET content = NULL WHERE views_left = 0 AND content IS NOT NULL');
      return {
        links,
        requests: (await pool.query('DELETE FROM requests WHERE expires_at <= $1', [now])).rowCount ?? 0,
        answers: (await pool.query('DELETE FROM request_answers WHERE expires_at <= $1', [now])).rowCount ?? 0,
      };
    },
  };
}
