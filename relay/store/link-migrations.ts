/**
 * The tables of one-time links and secret requests (issue 14), one migration entry for each store (appended
 * to sqlite-migrations.ts and postgres-migrations.ts). Nothing here is secret: ids and token hashes derive
 * from secrets the relay never sees, content and descriptors are sealed, labels are inside descriptors.
 */

export const SQLITE_LINK_MIGRATION = `
  CREATE TABLE links (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    receipt_key TEXT NOT NULL,
    passphrase INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    max_views INTEGER NOT NULL,
    views_left INTEGER NOT NULL,
    revoked_at INTEGER,
    -- NULL once the last view went or the link was revoked.
    content TEXT
  ) WITHOUT ROWID;
  CREATE INDEX links_by_owner ON links (owner, expires_at);
  CREATE INDEX links_by_expiry ON links (expires_at);
  CREATE TABLE link_opens (
    link_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    at INTEGER NOT NULL,
    proof TEXT NOT NULL,
    PRIMARY KEY (link_id, nonce)
  ) WITHOUT ROWID;
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    descriptor TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    max_answers INTEGER NOT NULL,
    answers_left INTEGER NOT NULL,
    revoked_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX requests_by_owner ON requests (owner, expires_at);
  CREATE INDEX requests_by_expiry ON requests (expires_at);
  CREATE TABLE request_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    answer TEXT NOT NULL
  );
  CREATE INDEX request_answers_by_owner ON request_answers (owner, id);
  CREATE INDEX request_answers_by_expiry ON request_answers (expires_at);
`;

export const POSTGRES_LINK_MIGRATION = `
  CREATE TABLE links (
    id text PRIMARY KEY,
    owner text NOT NULL,
    token_hash text NOT NULL,
    receipt_key text NOT NULL,
    passphrase boolean NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    max_views integer NOT NULL,
    views_left integer NOT NULL,
    revoked_at bigint,
    content text
  );
  CREATE INDEX links_by_owner ON links (owner, expires_at);
  CREATE INDEX links_by_expiry ON links (expires_at);
  CREATE TABLE link_opens (
    link_id text NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    nonce text NOT NULL,
    at bigint NOT NULL,
    proof text NOT NULL,
    PRIMARY KEY (link_id, nonce)
  );
  CREATE TABLE requests (
    id text PRIMARY KEY,
    owner text NOT NULL,
    token_hash text NOT NULL,
    descriptor text,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    max_answers integer NOT NULL,
    answers_left integer NOT NULL,
    revoked_at bigint
  );
  CREATE INDEX requests_by_owner ON requests (owner, expires_at);
  CREATE INDEX requests_by_expiry ON requests (expires_at);
  CREATE TABLE request_answers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id text NOT NULL,
    owner text NOT NULL,
    received_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    answer text NOT NULL
  );
  CREATE INDEX request_answers_by_owner ON request_answers (owner, id);
  CREATE INDEX request_answers_by_expiry ON request_answers (expires_at);
`;
