/**
 * The SQLite schema, one entry per version (PRAGMA user_version counts how many have run). Append only:
 * a released entry is never edited, a change is a new entry.
 */
import { SQLITE_FOLDER_MIGRATION, SQLITE_FOLDER_USAGE_MIGRATION } from './folder-migrations';
import { SQLITE_LINK_MIGRATION } from './link-migrations';

export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE identities (
    handle TEXT PRIMARY KEY,
    signing_key TEXT NOT NULL,
    encryption_key TEXT NOT NULL,
    bundle TEXT NOT NULL,
    registered_at INTEGER NOT NULL
  );
  -- AUTOINCREMENT: ids are never reused after a delete, so a mailbox cursor never skips a new envelope.
  CREATE TABLE envelopes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient TEXT NOT NULL,
    sender TEXT NOT NULL,
    share_id TEXT NOT NULL,
    posted_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    size INTEGER NOT NULL,
    envelope TEXT NOT NULL
  );
  -- Listing a mailbox in id order; the extra columns let the mailbox-size check read the index alone.
  CREATE INDEX envelopes_by_recipient ON envelopes (recipient, id, expires_at, size);
  -- Revocation drops by share id.
  CREATE INDEX envelopes_by_share ON envelopes (share_id);
  -- The purge deletes by expiry.
  CREATE INDEX envelopes_by_expiry ON envelopes (expires_at);
  -- Who posted a share first; only they may post to it again or revoke it.
  CREATE TABLE shares (
    share_id TEXT PRIMARY KEY,
    poster TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX shares_by_expiry ON shares (expires_at);
  CREATE TABLE nonces (
    handle TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (handle, nonce)
  ) WITHOUT ROWID;
  CREATE INDEX nonces_by_expiry ON nonces (expires_at);
  CREATE TABLE rate_counters (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  ) WITHOUT ROWID;
  CREATE INDEX rate_counters_by_expiry ON rate_counters (expires_at);
  `,
  // One-time links and secret requests (issue 14).
  SQLITE_LINK_MIGRATION,
  // 3: a share id is its poster's own (envelopes are revoked by poster and share id), so the table of
  // first posters goes: it forgot a share once its last post expired and let another identity take it (T04).
  //    The bytes all mailboxes hold, for the relay's storage budget (S6): kept by every statement that
  //    stores or deletes envelopes, in its transaction, so a post checks one row instead of summing.
  `
  DROP TABLE shares;
  CREATE TABLE relay_usage (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
  INSERT INTO relay_usage (id, bytes) SELECT 1, coalesce(sum(size), 0) FROM envelopes;
  `,
  // 4: post ids, kept until their envelope's expiry, so a retried post is stored once (issue 15). Sessions:
  //    a signed call opens one, later calls carry an HMAC under its key. Nonces keyed by expiry first,
  //    so the purge walks the primary key and no second index is written per request.
  `
  ALTER TABLE envelopes ADD COLUMN post_id TEXT NOT NULL DEFAULT '';
  UPDATE envelopes SET post_id = 'relay-existing-' || id;
  CREATE TABLE post_ids (
    sender TEXT NOT NULL,
    post_id TEXT NOT NULL,
    envelope_id INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (sender, post_id)
  ) WITHOUT ROWID;
  INSERT INTO post_ids SELECT sender, post_id, id, expires_at FROM envelopes;
  CREATE INDEX post_ids_by_expiry ON post_ids (expires_at);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    handle TEXT NOT NULL,
    key BLOB NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_by_handle ON sessions (handle, expires_at);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE TABLE nonces_keyed_by_expiry (
    expires_at INTEGER NOT NULL,
    handle TEXT NOT NULL,
    nonce TEXT NOT NULL,
    PRIMARY KEY (expires_at, handle, nonce)
  ) WITHOUT ROWID;
  -- Nonces still within their window move over, so a request seen before the upgrade stays refused.
  INSERT INTO nonces_keyed_by_expiry (expires_at, handle, nonce) SELECT expires_at, handle, nonce FROM nonces;
  DROP TABLE nonces;
  ALTER TABLE nonces_keyed_by_expiry RENAME TO nonces;
  `,
  // 5: shared folders (issue 13): folders, their access lists, membership logs and messages.
  SQLITE_FOLDER_MIGRATION,
  // 6: the relay-wide budget of folder messages (folder-migrations.ts).
  SQLITE_FOLDER_USAGE_MIGRATION,
  // 7: what each mailbox holds, expired or not, kept by triggers on every insert and delete of an envelope,
  //    so a post reads one row instead of summing the mailbox (issue 15: that sum grew with the mailbox).
  //    An upper bound of the unexpired usage the limit is about: a post that fits it fits; only one
  //    that does not is checked exactly.
  `
  CREATE TABLE mailbox_usage (
    recipient TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    bytes INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO mailbox_usage (recipient, count, bytes) SELECT recipient, count(*), sum(size) FROM envelopes GROUP BY recipient;
  CREATE TRIGGER envelopes_count_insert AFTER INSERT ON envelopes BEGIN
    INSERT INTO mailbox_usage (recipient, count, bytes) VALUES (NEW.recipient, 1, NEW.size)
      ON CONFLICT (recipient) DO UPDATE SET count = count + 1, bytes = bytes + excluded.bytes;
  END;
  CREATE TRIGGER envelopes_count_delete AFTER DELETE ON envelopes BEGIN
    UPDATE mailbox_usage SET count = count - 1, bytes = bytes - OLD.size WHERE recipient = OLD.recipient;
  END;
  `,
];
