/**
 * The SQLite store (better-sqlite3): one file, WAL journal, every multi-step write in one immediate
 * transaction. An authenticated request's claim and work are one transaction; the requests that arrive in
 * one turn of the event loop are committed together (group commit: each in a savepoint of one
 * transaction, so one refused or failed request rolls back alone), which writes shared pages — counters,
 * nonces, the usage row, the end of each index — to the WAL once per group instead of once per request.
 * Several relay processes may share the file (a node:cluster, server.ts): SQLite locks it for each write
 * transaction, a group waits its turn without blocking the event loop (sqlite-group-commit.ts), other
 * writes under the busy timeout, and everything processes must agree on (nonces, counters, sessions,
 * post ids, usage) is in the file.
 */
import Database from 'better-sqlite3';
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import { BatchRefusal } from './batch-refusal';
import { findFullMailboxes, type MailboxUsage } from './find-full-mailboxes';
import { parseBundleRow } from './parse-bundle-row';
import {
  ClaimRefused,
  type EnvelopeToStore,
  type PostOutcome,
  type PurgeCounts,
  type RelayStore,
  type RequestClaim,
  type StorageLimits,
  type StoredEnvelope,
  type StoredSession,
} from './relay-store';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { createSqliteFolderStore } from './sqlite-folder-store';
import { createSqliteLinkStore } from './sqlite-link-store';
import { sqliteGroupCommit } from './sqlite-group-commit';

/** A deleted envelope's size, to count off the storage budget. */
interface Sized {
  size: number;
}

interface EnvelopeRow {
  id: number;
  sender: string;
  post_id: string;
  share_id: string;
  posted_at: number;
  expires_at: number;
  envelope: string;
}

interface SessionRow {
  id: string;
  handle: string;
  key: Buffer;
  expires_at: number;
}

/** How long a writer waits for another process's transaction before the request fails, ms. */
const BUSY_TIMEOUT_MS = 5000;
/** WAL pages (4 KiB each) after which a commit copies the WAL back into the database file. */
const WAL_CHECKPOINT_PAGES = 10_000;

/**
 * Opens (creating if needed) a SQLite relay store; call migrate() before use.
 * @param filename - database file path, or `:memory:` for a throwaway store
 * @param options - `busyTimeoutMs`: how long a write waits for another process's lock before failing (5 s)
 * @example const store = openSqliteStore('data/relay.sqlite'); await store.migrate();
 */
export function openSqliteStore(filename: string, options: { busyTimeoutMs?: number } = {}): RelayStore {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file; a relay
  // envelope lost that way is re-sent from the poster's outbox.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
  // Each request of a group commit is a savepoint, whose undo copies of the pages it changes go to a
  // temp file unless temp is in memory: that was half of the bytes written per post (issue 15).
  db.pragma('temp_store = MEMORY');
  // Copy the WAL back into the file every ~40 MiB rather than every ~4 MiB: a page changed by many
  // commits (counters, usage rows, the ends of indexes) is written back once per checkpoint, and each
  // checkpoint's fsync is paid a tenth as often. The WAL file stays at most about that size.
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);

  const statements = () => ({
    insertIdentity: db.prepare(
      'INSERT INTO identities (handle, signing_key, encryption_key, bundle, registered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (handle) DO NOTHING',
    ),
    findIdentity: db.prepare<[string], { bundle: string }>('SELECT bundle FROM identities WHERE handle = ?'),
    upgradeIdentity: db.prepare('UPDATE identities SET bundle = ? WHERE handle = ? AND signing_key = ? AND encryption_key = ?'),
    claimNonce: db.prepare<[number, string, string]>('INSERT INTO nonces (expires_at, handle, nonce) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    countRequest: db.prepare<[string, number, number], { count: number }>(
      'INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?, ?, 1, ?) ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count',
    ),
    sessionOpen: db.prepare<[string, string, number], { one: number }>('SELECT 1 AS one FROM sessions WHERE id = ? AND handle = ? AND expires_at > ?'),
    identityExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM identities WHERE handle = ?'),
    mailboxUsage: db.prepare<[string, number], { count: number; bytes: number }>(
      'SELECT count(*) AS count, coalesce(sum(size), 0) AS bytes FROM envelopes WHERE recipient = ? AND expires_at > ?',
    ),
    mailboxHeld: db.prepare<[string], MailboxUsage>('SELECT count, bytes FROM mailbox_usage WHERE recipient = ?'),
    storedBytes: db.prepare<[], { bytes: number }>('SELECT bytes FROM relay_usage WHERE id = 1'),
    addStoredBytes: db.prepare<[number]>('UPDATE relay_usage SET bytes = bytes + ? WHERE id = 1'),
    postedBefore: db.prepare<[string, string], { envelope_id: number }>('SELECT envelope_id FROM post_ids WHERE sender = ? AND post_id = ?'),
    insertEnvelope: db.prepare<[string, string, string, string, number, number, number, string]>(
      'INSERT INTO envelopes (recipient, sender, post_id, share_id, posted_at, expires_at, size, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertPostId: db.prepare<[string, string, number, number]>('INSERT INTO post_ids (sender, post_id, envelope_id, expires_at) VALUES (?, ?, ?, ?)'),
    dropExpiredInMailbox: db.prepare<[string, number], Sized>('DELETE FROM envelopes WHERE recipient = ? AND expires_at <= ? RETURNING size'),
    listMailbox: db.prepare<[string, number, number, number], EnvelopeRow>(
      'SELECT id, sender, post_id, share_id, posted_at, expires_at, envelope FROM envelopes WHERE recipient = ? AND id > ? AND expires_at > ? ORDER BY id LIMIT ?',
    ),
    ack: db.prepare<[string, string], Sized>('DELETE FROM envelopes WHERE recipient = ? AND id IN (SELECT value FROM json_each(?)) RETURNING size'),
    dropShare: db.prepare<[string, string], Sized>('DELETE FROM envelopes WHERE share_id = ? AND sender = ? RETURNING size'),
    dropShareFor: db.prepare<[string, string, string], Sized>(
      'DELETE FROM envelopes WHERE share_id = ? AND sender = ? AND recipient IN (SELECT value FROM json_each(?)) RETURNING size',
    ),
    insertSession: db.prepare<[string, string, Buffer, number]>('INSERT INTO sessions (id, handle, key, expires_at) VALUES (?, ?, ?, ?)'),
    trimSessions: db.prepare<[string, string, number]>(
      'DELETE FROM sessions WHERE handle = ? AND id NOT IN (SELECT id FROM sessions WHERE handle = ? ORDER BY expires_at DESC LIMIT ?)',
    ),
    findSession: db.prepare<[string, number], SessionRow>('SELECT id, handle, key, expires_at FROM sessions WHERE id = ? AND expires_at > ?'),
    revokeSession: db.prepare<[string, string]>('DELETE FROM sessions WHERE handle = ? AND id = ?'),
    revokeSessions: db.prepare<[string]>('DELETE FROM sessions WHERE handle = ?'),
    purgeEnvelopes: db.prepare<[number], Sized>('DELETE FROM envelopes WHERE expires_at <= ? RETURNING size'),
    purgePostIds: db.prepare<[number]>('DELETE FROM post_ids WHERE expires_at <= ?'),
    purgeSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
    purgeNonces: db.prepare<[number]>('DELETE FROM nonces WHERE expires_at <= ?'),
    purgeRateCounters: db.prepare<[number]>('DELETE FROM rate_counters WHERE expires_at <= ?'),
  });
  // Prepared after migrate(): the tables do not exist before it.
  let prepared: ReturnType<typeof statements> | null = null;
  const sql = () => {
    if (!prepared) throw new Error('sqlite store: migrate() must run first');
    return prepared;
  };

  /** Spends a request's claim; first, since SQLite runs one writer at a time and a refusal should cost nothing. */
  const spend = (claim: RequestClaim | undefined): void => {
    if (!claim) return;
    const s = sql();
    if (claim.session !== null && s.sessionOpen.get(claim.session, claim.handle, claim.now) === undefined) throw new ClaimRefused('session-closed');
    if (s.claimNonce.run(claim.nonceExpiresAt, claim.handle, claim.nonce).changes === 0) throw new ClaimRefused('replayed');
    for (const count of claim.counts) {
      const counted = s.countRequest.get(count.key, count.windowStart, count.expiresAt)?.count ?? 0;
      if (counted > count.limit) throw new ClaimRefused('rate-limited', count.expiresAt);
    }
  };

  // Links and requests (issue 14): their own statements, prepared with the rest after migrate().
  const links = createSqliteLinkStore(db);

  /** Counts deleted envelopes off the storage budget. @returns how many were deleted */
  const released = (rows: Sized[]): number => {
    const bytes = rows.reduce((sum, row) => sum + row.size, 0);
    if (bytes > 0) sql().addStoredBytes.run(-bytes);
    return rows.length;
  };

  const post = db.transaction((sender: string, batch: EnvelopeToStore[], now: number, limits: StorageLimits, claim?: RequestClaim): PostOutcome => {
    spend(claim);
    const s = sql();
    // A retried post: what this sender stored under a post id before is answered with its first id.
    const earlier = batch.map((item) => s.postedBefore.get(sender, item.postId)?.envelope_id ?? null);
    // One row per new post id: the same id twice in the batch is stored, and its bytes counted, once.
    const fresh = batch.filter((item, i) => earlier[i] === null && batch.findIndex((other) => other.postId === item.postId) === i);
    const recipients = [...new Set(fresh.map((item) => item.recipient))];
    if (recipients.some((handle) => s.identityExists.get(handle) === undefined)) throw new BatchRefusal({ ok: false, reason: 'unknown-recipient' });
    const bytes = fresh.reduce((sum, item) => sum + item.size, 0);
    // A batch of retries only (nothing new to store) is answered even on a full relay.
    if (bytes > 0 && (s.storedBytes.get()?.bytes ?? 0) + bytes > limits.storageMaxBytes) throw new BatchRefusal({ ok: false, reason: 'relay-full' });
    // What each mailbox holds, expired envelopes included (one row each, kept by triggers): never less than
    // what the limit counts, so a batch within it is within the limit; a mailbox it would overfill is
    // counted again exactly (unexpired envelopes only) before the batch is refused.
    const usage = new Map<string, MailboxUsage>(recipients.map((handle) => [handle, s.mailboxHeld.get(handle) ?? { count: 0, bytes: 0 }]));
    let full = findFullMailboxes(fresh, usage, limits.mailbox);
    if (full.length > 0) {
      for (const handle of full) usage.set(handle, s.mailboxUsage.get(handle, now) ?? { count: 0, bytes: 0 });
      full = findFullMailboxes(fresh, usage, limits.mailbox);
    }
    if (full.length > 0) throw new BatchRefusal({ ok: false, reason: 'mailbox-full', recipients: full });
    // The same post id twice in one batch is stored once too.
    const inBatch = new Map<string, number>();
    const ids = batch.map((item, i) => {
      const known = earlier[i] ?? inBatch.get(item.postId);
      if (known !== undefined && known !== null) return known;
      const id = Number(s.insertEnvelope.run(item.recipient, sender, item.postId, item.shareId, now, item.expiresAt, item.size, item.envelope).lastInsertRowid);
      s.insertPostId.run(sender, item.postId, id, item.expiresAt);
      inBatch.set(item.postId, id);
      return id;
    });
    if (bytes > 0) s.addStoredBytes.run(bytes);
    return { ok: true, ids };
  });

  const spendAlone = db.transaction((claim: RequestClaim) => spend(claim));

  const list = db.transaction((recipient: string, after: number, limit: number, now: number, claim?: RequestClaim): EnvelopeRow[] => {
    spend(claim);
    released(sql().dropExpiredInMailbox.all(recipient, now));
    return sql().listMailbox.all(recipient, after, now, limit);
  });

  const ack = db.transaction((recipient: string, ids: number[], claim?: RequestClaim) => {
    spend(claim);
    return released(sql().ack.all(recipient, JSON.stringify(ids)));
  });

  const revoke = db.transaction((poster: string, shareId: string, recipients: string[] | null, claim?: RequestClaim): { dropped: number } => {
    spend(claim);
    const s = sql();
    const rows = recipients === null ? s.dropShare.all(shareId, poster) : s.dropShareFor.all(shareId, poster, JSON.stringify(recipients));
    return { dropped: released(rows) };
  });

  const openSession = db.transaction((session: StoredSession, maxPerIdentity: number) => {
    sql().insertSession.run(session.id, session.handle, Buffer.from(session.key), session.expiresAt);
    sql().trimSessions.run(session.handle, session.handle, maxPerIdentity);
  });

  const purge = db.transaction(
    (now: number): PurgeCounts => ({
      envelopes: released(sql().purgeEnvelopes.all(now)),
      postIds: sql().purgePostIds.run(now).changes,
      sessions: sql().purgeSessions.run(now).changes,
      nonces: sql().purgeNonces.run(now).changes,
      rateCounters: sql().purgeRateCounters.run(now).changes,
    }),
  );

  /** Runs a transaction that may refuse a batch, turning the refusal into its outcome. */
  const refusable = (run: () => PostOutcome): PostOutcome => {
    try {
      return run();
    } catch (error) {
      if (error instanceof BatchRefusal) return error.outcome;
      throw error;
    }
  };

  // Group commit (sqlite-group-commit.ts): the writes of one turn of the event loop in one transaction.
  const grouped = sqliteGroupCommit(db, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS);

  // Shared folders (issue 13): their own statements, in the same group commit.
  const folders = createSqliteFolderStore(db, { spend, grouped });

  return {
    kind: 'sqlite',
    ...links.methods,
    ...folders.methods,

    async migrate() {
      db.transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        for (const [index, migration] of SQLITE_MIGRATIONS.entries()) {
          if (index < version) continue;
          db.exec(migration);
          db.pragma(`user_version = ${index + 1}`);
        }
      }).immediate();
      prepared = statements();
      links.prepare();
      folders.prepare();
    },

    async registerIdentity(bundle: IdentityBundle, now: number) {
      const s = sql();
      const inserted = s.insertIdentity.run(bundle.handle, bundle.signingKey, bundle.encryptionKey, JSON.stringify(bundle), now);
      if (inserted.changes === 1) return { created: true };
      const row = s.findIdentity.get(bundle.handle);
      if (!row) throw new Error('sqlite store: identity vanished during registration');
      return { created: false, existing: parseBundleRow(row.bundle) };
    },

    async findIdentity(handle) {
      const row = sql().findIdentity.get(handle);
      return row ? parseBundleRow(row.bundle) : null;
    },

    async upgradeIdentity(bundle) {
      return sql().upgradeIdentity.run(JSON.stringify(bundle), bundle.handle, bundle.signingKey, bundle.encryptionKey).changes === 1;
    },

    async claimNonce(handle, nonce, expiresAt) {
      return sql().claimNonce.run(expiresAt, handle, nonce).changes === 1;
    },

    async countRequest(key, windowStart, expiresAt) {
      const row = sql().countRequest.get(key, windowStart, expiresAt);
      if (!row) throw new Error('sqlite store: rate counter upsert returned nothing');
      return row.count;
    },

    async spendClaim(claim) {
      await grouped(() => spendAlone(claim));
    },

    async postEnvelopes(sender, batch, now, limits, claim) {
      return grouped(() => refusable(() => post(sender, batch, now, limits, claim)));
    },

    async listMailbox(recipient, after, limit, now, claim) {
      return (await grouped(() => list(recipient, after, limit, now, claim))).map(
        (row): StoredEnvelope => ({
          id: row.id,
          sender: row.sender,
          postId: row.post_id,
          shareId: row.share_id,
          postedAt: row.posted_at,
          expiresAt: row.expires_at,
          envelope: row.envelope,
        }),
      );
    },

    async ackEnvelopes(recipient, ids, claim) {
      return grouped(() => ack(recipient, ids, claim));
    },

    async revokeShare(poster, shareId, recipients, claim) {
      return grouped(() => revoke(poster, shareId, recipients, claim));
    },

    async openSession(session, maxPerIdentity) {
      openSession.immediate(session, maxPerIdentity);
    },

    async findSession(id, now) {
      const row = sql().findSession.get(id, now);
      return row ? { id: row.id, handle: row.handle, key: new Uint8Array(row.key), expiresAt: row.expires_at } : null;
    },

    async revokeSessions(handle, id) {
      return (id === null ? sql().revokeSessions.run(handle) : sql().revokeSession.run(handle, id)).changes;
    },

    async purgeExpired(now) {
      return purge.immediate(now);
    },

    async close() {
      db.close();
    },
  };
}
