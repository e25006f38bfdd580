/**
 * The PostgreSQL schema, one entry per version (relay_schema_version counts how many have run). Append
 * only: a released entry is never edited, a change is a new entry. Times are bigint ms since the epoch.
 */
import { POSTGRES_FOLDER_MIGRATION, POSTGRES_FOLDER_USAGE_MIGRATION } from './folder-migrations';
import { POSTGRES_LINK_MIGRATION } from './link-migrations';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE identities (
    handle text PRIMARY KEY,
    signing_key text NOT NULL,
    encryption_key text NOT NULL,
    bundle text NOT NULL,
    registered_at bigint NOT NULL
  );
  CREATE TABLE envelopes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient text NOT NULL,
    sender text NOT NULL,
    share_id text NOT NULL,
    posted_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    size integer NOT NULL,
    envelope text NOT NULL
  );
  -- Listing a mailbox in id order; the included columns let the mailbox-size check read the index alone.
  CREATE INDEX envelopes_by_recipient ON envelopes (recipient, id) INCLUDE (expires_at, size);
  -- Revocation drops by share id.
  CREATE INDEX envelopes_by_share ON envelopes (share_id);
  -- The purge deletes by expiry.
  CREATE INDEX envelopes_by_expiry ON envelopes (expires_at);
  -- Who posted a share first; only they may post to it again or revoke it.
  CREATE TABLE shares (
    share_id text PRIMARY KEY,
    poster text NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX shares_by_expiry ON shares (expires_at);
  CREATE TABLE nonces (
    handle text NOT NULL,
    nonce text NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (handle, nonce)
  );
  CREATE INDEX nonces_by_expiry ON nonces (expires_at);
  CREATE TABLE rate_counters (
    key text NOT NULL,
    window_start bigint NOT NULL,
    count integer NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (key, window_start)
  );
  CREATE INDEX rate_counters_by_expiry ON rate_counters (expires_at);
  `,
  // One-time links and secret requests (issue 14).
  POSTGRES_LINK_MIGRATION,
  // 3: a share id is its poster's own (envelopes are revoked by poster and share id), so the table of
  // first posters goes: it forgot a share once its last post expired and let another identity take it (T04).
  //    The bytes all mailboxes hold, for the relay's storage budget (S6): kept by every statement that
  //    stores or deletes envelopes, in its transaction, so a post checks one row instead of summing.
  `
  DROP TABLE shares;
  CREATE TABLE relay_usage (id integer PRIMARY KEY CHECK (id = 1), bytes bigint NOT NULL);
  INSERT INTO relay_usage (id, bytes) SELECT 1, coalesce(sum(size), 0) FROM envelopes;
  `,
  // 4: post ids, kept until their envelope's expiry, so a retried post is stored once (issue 15). Sessions:
  //    a signed call opens one, later calls carry an HMAC under its key. Nonces keyed by expiry first,
  //    so the purge walks the primary key and no second index is written per request.
  `
  ALTER TABLE envelopes ADD COLUMN post_id text NOT NULL DEFAULT '';
  UPDATE envelopes SET post_id = 'relay-existing-' || id;
  CREATE TABLE post_ids (
    sender text NOT NULL,
    post_id text NOT NULL,
    envelope_id bigint NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (sender, post_id)
  );
  INSERT INTO post_ids SELECT sender, post_id, id, expires_at FROM envelopes;
  CREATE INDEX post_ids_by_expiry ON post_ids (expires_at);
  CREATE TABLE sessions (
    id text PRIMARY KEY,
    handle text NOT NULL,
    key bytea NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_by_handle ON sessions (handle, expires_at);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE TABLE nonces_keyed_by_expiry (
    expires_at bigint NOT NULL,
    handle text NOT NULL,
    nonce text NOT NULL,
    PRIMARY KEY (expires_at, handle, nonce)
  );
  -- Nonces still within their window move over, so a request seen before the upgrade stays refused.
  INSERT INTO nonces_keyed_by_expiry (expires_at, handle, nonce) SELECT expires_at, handle, nonce FROM nonces;
  DROP TABLE nonces;
  ALTER TABLE nonces_keyed_by_expiry RENAME TO nonces;
  `,
  // 5: shared folders (issue 13): folders, their access lists, membership logs and messages.
  POSTGRES_FOLDER_MIGRATION,
  // 6: the relay-wide budget of folder messages (folder-migrations.ts).
  POSTGRES_FOLDER_USAGE_MIGRATION,
];
