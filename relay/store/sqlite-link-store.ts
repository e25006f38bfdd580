/**
 * The SQLite half of links and requests (issue 14), spread into the SQLite store. A view or an answer is
 * spent by one UPDATE … RETURNING that checks token, views left, expiry and revocation in its WHERE; inside
 * an immediate transaction with the follow-up (deleting a spent link's content, storing the answer), so a
 * second process on the same file waits its turn.
 */
import type Database from 'better-sqlite3';
import { linkStateOf, requestStateOf, type AnswerOutcome, type CreateOutcome, type LinkStore, type RevealOutcome, type SpendRefusal } from './link-store';

interface LinkRow {
  id: string;
  token_hash: string;
  receipt_key: string;
  passphrase: number;
  created_at: number;
  expires_at: number;
  max_views: number;
  views_left: number;
  revoked_at: number | null;
}
interface RequestRow {
  id: string;
  token_hash: string;
  descriptor: string | null;
  created_at: number;
  expires_at: number;
  max_answers: number;
  answers_left: number;
  revoked_at: number | null;
}

/** Why nothing was spent, from the row as it is now (null: no such id). */
function refusalOf(row: { token_hash: string } | undefined, state: string | null, tokenHash: string): SpendRefusal {
  if (!row) return 'not-found';
  if (state !== 'active') return 'gone';
  return row.token_hash === tokenHash ? 'gone' : 'wrong-token';
}

/**
 * @param db - the SQLite store's connection
 * @returns the methods, and `prepare` to call once the schema exists (after migrate)
 */
export function createSqliteLinkStore(db: Database.Database): { methods: LinkStore; prepare: () => void } {
  const statements = () => ({
    liveCount: db.prepare<[string, number, string, number], { n: number }>(
      'SELECT (SELECT count(*) FROM links WHERE owner = ? AND expires_at > ?) + (SELECT count(*) FROM requests WHERE owner = ? AND expires_at > ?) AS n',
    ),
    insertLink: db.prepare(
      `INSERT INTO links (id, owner, token_hash, receipt_key, passphrase, created_at, expires_at, max_views, views_left, revoked_at, content)
       VALUES (@id, @owner, @tokenHash, @receiptKey, @passphrase, @now, @expiresAt, @maxViews, @maxViews, NULL, @content) ON CONFLICT (id) DO NOTHING`,
    ),
    link: db.prepare<[string], LinkRow>('SELECT id, token_hash, receipt_key, passphrase, created_at, expires_at, max_views, views_left, revoked_at FROM links WHERE id = ?'),
    spend: db.prepare<[string, string, number], { content: string; views_left: number }>(
      `UPDATE links SET views_left = views_left - 1
       WHERE id = ? AND token_hash = ? AND views_left > 0 AND expires_at > ? AND revoked_at IS NULL AND content IS NOT NULL
       RETURNING content, views_left`,
    ),
    burn: db.prepare('UPDATE links SET content = NULL WHERE id = ? AND views_left = 0'),
    recordOpen: db.prepare(
      `INSERT INTO link_opens (link_id, nonce, at, proof) SELECT @id, @nonce, @at, @proof
       WHERE (SELECT count(*) FROM link_opens WHERE link_id = @id) < (SELECT max_views - views_left FROM links WHERE id = @id)
       ON CONFLICT DO NOTHING`,
    ),
    ownedLinks: db.prepare<[string], LinkRow>(
      'SELECT id, token_hash, receipt_key, passphrase, created_at, expires_at, max_views, views_left, revoked_at FROM links WHERE owner = ? ORDER BY created_at',
    ),
    ownedOpens: db.prepare<[string], { link_id: string; nonce: string; at: number; proof: string }>(
      'SELECT o.link_id, o.nonce, o.at, o.proof FROM link_opens o JOIN links l ON l.id = o.link_id WHERE l.owner = ? ORDER BY o.at',
    ),
    revokeLink: db.prepare('UPDATE links SET revoked_at = ?, content = NULL WHERE id = ? AND owner = ? AND revoked_at IS NULL AND expires_at > ?'),
    insertRequest: db.prepare(
      `INSERT INTO requests (id, owner, token_hash, descriptor, created_at, expires_at, max_answers, answers_left, revoked_at)
       VALUES (@id, @owner, @tokenHash, @descriptor, @now, @expiresAt, @maxAnswers, @maxAnswers, NULL) ON CONFLICT (id) DO NOTHING`,
    ),
    request: db.prepare<[string], RequestRow>('SELECT id, token_hash, descriptor, created_at, expires_at, max_answers, answers_left, revoked_at FROM requests WHERE id = ?'),
    spendAnswer: db.prepare<[string, string, number], { owner: string }>(
      `UPDATE requests SET answers_left = answers_left - 1, descriptor = CASE WHEN answers_left = 1 THEN NULL ELSE descriptor END
       WHERE id = ? AND token_hash = ? AND answers_left > 0 AND expires_at > ? AND revoked_at IS NULL
       RETURNING owner`,
    ),
    insertAnswer: db.prepare<[string, string, number, number, string]>(
      'INSERT INTO request_answers (request_id, owner, received_at, expires_at, answer) VALUES (?, ?, ?, ?, ?)',
    ),
    ownedRequests: db.prepare<[string], RequestRow>(
      'SELECT id, token_hash, descriptor, created_at, expires_at, max_answers, answers_left, revoked_at FROM requests WHERE owner = ? ORDER BY created_at',
    ),
    ownedAnswers: db.prepare<[string, number], { id: number; request_id: string; received_at: number; answer: string }>(
      'SELECT id, request_id, received_at, answer FROM request_answers WHERE owner = ? AND expires_at > ? ORDER BY id',
    ),
    revokeRequest: db.prepare('UPDATE requests SET revoked_at = ?, descriptor = NULL WHERE id = ? AND owner = ? AND revoked_at IS NULL AND expires_at > ?'),
    ackAnswers: db.prepare('DELETE FROM request_answers WHERE owner = ? AND id IN (SELECT value FROM json_each(?))'),
    purgeOpens: db.prepare('DELETE FROM link_opens WHERE link_id IN (SELECT id FROM links WHERE expires_at <= ?)'),
    purgeLinks: db.prepare('DELETE FROM links WHERE expires_at <= ?'),
    burnSpent: db.prepare('UPDATE links SET content = NULL WHERE views_left = 0 AND content IS NOT NULL'),
    purgeRequests: db.prepare('DELETE FROM requests WHERE expires_at <= ?'),
    purgeAnswers: db.prepare('DELETE FROM request_answers WHERE expires_at <= ?'),
  });
  let prepared: ReturnType<typeof statements> | null = null;
  const sql = () => {
    if (!prepared) throw new Error('sqlite store: migrate() must run first');
    return prepared;
  };

  const create = db.transaction((insert: () => number, owner: string, now: number, maxLive: number): CreateOutcome => {
    const live = sql().liveCount.get(owner, now, owner, now)?.n ?? 0;
    if (live >= maxLive) return 'too-many';
    return insert() === 1 ? 'created' : 'exists';
  });

  const reveal = db.transaction((id: string, tokenHash: string, now: number): RevealOutcome => {
    const s = sql();
    const spent = s.spend.get(id, tokenHash, now);
    if (spent) {
      if (spent.views_left === 0) s.burn.run(id);
      return { ok: true, content: spent.content, viewsLeft: spent.views_left };
    }
    const row = s.link.get(id);
    return { ok: false, reason: refusalOf(row, row ? linkStateOf(row, now) : null, tokenHash) };
  });

  const answer = db.transaction((id: string, tokenHash: string, text: string, now: number, answerExpiresAt: number): AnswerOutcome => {
    const s = sql();
    const spent = s.spendAnswer.get(id, tokenHash, now);
    if (spent) return { ok: true, id: Number(s.insertAnswer.run(id, spent.owner, now, answerExpiresAt, text).lastInsertRowid) };
    const row = s.request.get(id);
    return { ok: false, reason: refusalOf(row, row ? requestStateOf(row, now) : null, tokenHash) };
  });

  const purge = db.transaction((now: number) => {
    const s = sql();
    s.purgeOpens.run(now);
    const links = s.purgeLinks.run(now).changes;
    s.burnSpent.run();
    return { links, requests: s.purgeRequests.run(now).changes, answers: s.purgeAnswers.run(now).changes };
  });

  const methods: LinkStore = {
    async createLink(link, now, maxLive) {
      return create.immediate(() => sql().insertLink.run({ ...link, passphrase: link.passphrase ? 1 : 0, now }).changes, link.owner, now, maxLive);
    },

    async findLink(id, now) {
      const row = sql().link.get(id);
      if (!row) return null;
      return {
        id: row.id,
        state: linkStateOf(row, now),
        expiresAt: row.expires_at,
        maxViews: row.max_views,
        viewsLeft: row.views_left,
        passphrase: row.passphrase === 1,
        receiptKey: row.receipt_key,
      };
    },

    async revealLink(id, tokenHash, now) {
      return reveal.immediate(id, tokenHash, now);
    },

    async recordOpen(id, open) {
      return sql().recordOpen.run({ id, ...open }).changes === 1;
    },

    async listOwnedLinks(owner, now) {
      const s = sql();
      const opens = new Map<string, { nonce: string; at: number; proof: string }[]>();
      for (const row of s.ownedOpens.all(owner)) opens.set(row.link_id, [...(opens.get(row.link_id) ?? []), { nonce: row.nonce, at: row.at, proof: row.proof }]);
      return s.ownedLinks.all(owner).map((row) => ({
        id: row.id,
        state: linkStateOf(row, now),
        expiresAt: row.expires_at,
        maxViews: row.max_views,
        viewsLeft: row.views_left,
        createdAt: row.created_at,
        revokedAt: row.revoked_at,
        opens: opens.get(row.id) ?? [],
      }));
    },

    async revokeLink(owner, id, now) {
      return sql().revokeLink.run(now, id, owner, now).changes === 1;
    },

    async createRequest(request, now, maxLive) {
      return create.immediate(() => sql().insertRequest.run({ ...request, now }).changes, request.owner, now, maxLive);
    },

    async findRequest(id, now) {
      const row = sql().request.get(id);
      if (!row) return null;
      const state = requestStateOf(row, now);
      return {
        id: row.id,
        state,
        expiresAt: row.expires_at,
        maxAnswers: row.max_answers,
        answersLeft: row.answers_left,
        descriptor: state === 'active' ? row.descriptor : null,
      };
    },

    async answerRequest(id, tokenHash, text, now, answerExpiresAt) {
      return answer.immediate(id, tokenHash, text, now, answerExpiresAt);
    },

    async listOwnedRequests(owner, now) {
      const s = sql();
      return {
        requests: s.ownedRequests.all(owner).map((row) => ({
          id: row.id,
          state: requestStateOf(row, now),
          expiresAt: row.expires_at,
          maxAnswers: row.max_answers,
          answersLeft: row.answers_left,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
        })),
        answers: s.ownedAnswers.all(owner, now).map((row) => ({ id: row.id, requestId: row.request_id, receivedAt: row.received_at, answer: row.answer })),
      };
    },

    async revokeRequest(owner, id, now) {
      return sql().revokeRequest.run(now, id, owner, now).changes === 1;
    },

    async ackAnswers(owner, ids) {
      return sql().ackAnswers.run(owner, JSON.stringify(ids)).changes;
    },

    async purgeExpiredLinks(now) {
      return purge.immediate(now);
    },
  };
  return {
    methods,
    prepare: () => {
      prepared = statements();
    },
  };
}
