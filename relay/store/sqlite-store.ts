/**
 * The SQLite store (better-sqlite3): one file, WAL journal, every multi-step write in one immediate
 * transaction. Meant for one relay process; a second process on the same file stays correct (SQLite
 * locks the file) but gains nothing.
 */
import Database from 'better-sqlite3';
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import { BatchRefusal } from './batch-refusal';
import { findFullMailboxes, type MailboxUsage } from './find-full-mailboxes';
import { parseBundleRow } from './parse-bundle-row';
import type { EnvelopeToStore, PostOutcome, PurgeCounts, RelayStore, StorageLimits, StoredEnvelope } from './relay-store';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { createSqliteLinkStore } from './sqlite-link-store';

/** A deleted envelope's size, to count off the storage budget. */
interface Sized {
  size: number;
}

interface EnvelopeRow {
  id: number;
  sender: string;
  share_id: string;
  posted_at: number;
  expires_at: number;
  envelope: string;
}

/**
 * Opens (creating if needed) a SQLite relay store; call migrate() before use.
 * @param filename - database file path, or `:memory:` for a throwaway store
 * @example const store = openSqliteStore('data/relay.sqlite'); await store.migrate();
 */
export function openSqliteStore(filename: string): RelayStore {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file; a relay
  // envelope lost that way is re-sent from the poster's outbox.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');

  const statements = () => ({
    insertIdentity: db.prepare(
      'INSERT INTO identities (handle, signing_key, encryption_key, bundle, registered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (handle) DO NOTHING',
    ),
    findIdentity: db.prepare<[string], { bundle: string }>('SELECT bundle FROM identities WHERE handle = ?'),
    claimNonce: db.prepare('INSERT INTO nonces (handle, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    countRequest: db.prepare<[string, number, number], { count: number }>(
      'INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?, ?, 1, ?) ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count',
    ),
    identityExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM identities WHERE handle = ?'),
    mailboxUsage: db.prepare<[string, number], { count: number; bytes: number }>(
      'SELECT count(*) AS count, coalesce(sum(size), 0) AS bytes FROM envelopes WHERE recipient = ? AND expires_at > ?',
    ),
    insertEnvelope: db.prepare<[string, string, string, number, number, number, string]>(
      'INSERT INTO envelopes (recipient, sender, share_id, posted_at, expires_at, size, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    storedBytes: db.prepare<[], { bytes: number }>('SELECT bytes FROM relay_usage WHERE id = 1'),
    addStoredBytes: db.prepare<[number]>('UPDATE relay_usage SET bytes = bytes + ? WHERE id = 1'),
    dropExpiredInMailbox: db.prepare<[string, number], Sized>('DELETE FROM envelopes WHERE recipient = ? AND expires_at <= ? RETURNING size'),
    listMailbox: db.prepare<[string, number, number, number], EnvelopeRow>(
      'SELECT id, sender, share_id, posted_at, expires_at, envelope FROM envelopes WHERE recipient = ? AND id > ? AND expires_at > ? ORDER BY id LIMIT ?',
    ),
    ack: db.prepare<[string, string], Sized>('DELETE FROM envelopes WHERE recipient = ? AND id IN (SELECT value FROM json_each(?)) RETURNING size'),
    dropShare: db.prepare<[string, string], Sized>('DELETE FROM envelopes WHERE share_id = ? AND sender = ? RETURNING size'),
    dropShareFor: db.prepare<[string, string, string], Sized>(
      'DELETE FROM envelopes WHERE share_id = ? AND sender = ? AND recipient IN (SELECT value FROM json_each(?)) RETURNING size',
    ),
    purgeEnvelopes: db.prepare<[number], Sized>('DELETE FROM envelopes WHERE expires_at <= ? RETURNING size'),
    purgeNonces: db.prepare('DELETE FROM nonces WHERE expires_at <= ?'),
    purgeRateCounters: db.prepare('DELETE FROM rate_counters WHERE expires_at <= ?'),
  });
  // Prepared after migrate(): the tables do not exist before it.
  let prepared: ReturnType<typeof statements> | null = null;
  const sql = () => {
    if (!prepared) throw new Error('sqlite store: migrate() must run first');
    return prepared;
  };

  // Links and requests (issue 14): their own statements, prepared with the rest after migrate().
  const links = createSqliteLinkStore(db);

  /** Counts deleted envelopes off the storage budget. @returns how many were deleted */
  const released = (rows: Sized[]): number => {
    const bytes = rows.reduce((sum, row) => sum + row.size, 0);
    if (bytes > 0) sql().addStoredBytes.run(-bytes);
    return rows.length;
  };

  const post = db.transaction((sender: string, batch: EnvelopeToStore[], now: number, limits: StorageLimits): PostOutcome => {
    const s = sql();
    const recipients = [...new Set(batch.map((item) => item.recipient))];
    if (recipients.some((handle) => s.identityExists.get(handle) === undefined)) throw new BatchRefusal({ ok: false, reason: 'unknown-recipient' });
    const bytes = batch.reduce((sum, item) => sum + item.size, 0);
    if ((s.storedBytes.get()?.bytes ?? 0) + bytes > limits.storageMaxBytes) throw new BatchRefusal({ ok: false, reason: 'relay-full' });

    const usage = new Map<string, MailboxUsage>(recipients.map((handle) => [handle, s.mailboxUsage.get(handle, now) ?? { count: 0, bytes: 0 }]));
    const full = findFullMailboxes(batch, usage, limits.mailbox);
    if (full.length > 0) throw new BatchRefusal({ ok: false, reason: 'mailbox-full', recipients: full });

    const ids = batch.map((item) =>
      Number(s.insertEnvelope.run(item.recipient, sender, item.shareId, now, item.expiresAt, item.size, item.envelope).lastInsertRowid),
    );
    s.addStoredBytes.run(bytes);
    return { ok: true, ids };
  });

  const revoke = db.transaction((poster: string, shareId: string, recipients: string[] | null): { dropped: number } => {
    const s = sql();
    const rows = recipients === null ? s.dropShare.all(shareId, poster) : s.dropShareFor.all(shareId, poster, JSON.stringify(recipients));
    return { dropped: released(rows) };
  });

  const dropExpired = db.transaction((recipient: string, now: number) => released(sql().dropExpiredInMailbox.all(recipient, now)));
  const ack = db.transaction((recipient: string, ids: number[]) => released(sql().ack.all(recipient, JSON.stringify(ids))));

  const purge = db.transaction(
    (now: number): PurgeCounts => ({
      envelopes: released(sql().purgeEnvelopes.all(now)),
      nonces: sql().purgeNonces.run(now).changes,
      rateCounters: sql().purgeRateCounters.run(now).changes,
    }),
  );

  return {
    kind: 'sqlite',
    ...links.methods,

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

    async claimNonce(handle, nonce, expiresAt) {
      return sql().claimNonce.run(handle, nonce, expiresAt).changes === 1;
    },

    async countRequest(key, windowStart, expiresAt) {
      const row = sql().countRequest.get(key, windowStart, expiresAt);
      if (!row) throw new Error('sqlite store: rate counter upsert returned nothing');
      return row.count;
    },

    async postEnvelopes(sender, batch, now, limits) {
      try {
        return post.immediate(sender, batch, now, limits);
      } catch (error) {
        if (error instanceof BatchRefusal) return error.outcome;
        throw error;
      }
    },

    async listMailbox(recipient, after, limit, now) {
      const s = sql();
      dropExpired.immediate(recipient, now);
      return s.listMailbox.all(recipient, after, now, limit).map(
        (row): StoredEnvelope => ({
          id: row.id,
          sender: row.sender,
          shareId: row.share_id,
          postedAt: row.posted_at,
          expiresAt: row.expires_at,
          envelope: row.envelope,
        }),
      );
    },

    async ackEnvelopes(recipient, ids) {
      return ack.immediate(recipient, ids);
    },

    async revokeShare(poster, shareId, recipients) {
      return revoke.immediate(poster, shareId, recipients);
    },

    async purgeExpired(now) {
      return purge.immediate(now);
    },

    async close() {
      db.close();
    },
  };
}
