/**
 * The tables of shared folders (issue 13), one migration entry for each store (appended to
 * sqlite-migrations.ts and postgres-migrations.ts). Nothing here is secret: entries and messages are signed
 * and sealed by the clients, handles are public, the access list is the clients' own clear hints.
 * `log_count` and `message_count` are the per-folder counters: a new entry or message takes the next one
 * in the transaction that inserts it, under the folder row's lock.
 */

export const SQLITE_FOLDER_MIGRATION = `
  CREATE TABLE folders (
    id TEXT PRIMARY KEY,
    creator TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    log_count INTEGER NOT NULL,
    message_count INTEGER NOT NULL,
    message_bytes INTEGER NOT NULL,
    deleted_at INTEGER
  ) WITHOUT ROWID;
  -- Counting a creator's live folders (the per-handle limit); the purge finds deleted ones.
  CREATE INDEX folders_by_creator ON folders (creator) WHERE deleted_at IS NULL;
  CREATE INDEX folders_by_deletion ON folders (deleted_at) WHERE deleted_at IS NOT NULL;
  CREATE TABLE folder_members (
    folder_id TEXT NOT NULL,
    handle TEXT NOT NULL,
    manager INTEGER NOT NULL,
    PRIMARY KEY (folder_id, handle)
  ) WITHOUT ROWID;
  CREATE TABLE folder_log (
    folder_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (folder_id, seq)
  );
  -- A rowid table: messages are up to 64 KiB, too large for a WITHOUT ROWID b-tree's pages.
  CREATE TABLE folder_messages (
    folder_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    poster TEXT NOT NULL,
    posted_at INTEGER NOT NULL,
    message TEXT NOT NULL,
    UNIQUE (folder_id, seq),
    UNIQUE (folder_id, id)
  );
`;

export const POSTGRES_FOLDER_MIGRATION = `
  CREATE TABLE folders (
    id text PRIMARY KEY,
    creator text NOT NULL,
    created_at bigint NOT NULL,
    log_count integer NOT NULL,
    message_count bigint NOT NULL,
    message_bytes bigint NOT NULL,
    deleted_at bigint
  );
  CREATE INDEX folders_by_creator ON folders (creator) WHERE deleted_at IS NULL;
  CREATE INDEX folders_by_deletion ON folders (deleted_at) WHERE deleted_at IS NOT NULL;
  CREATE TABLE folder_members (
    folder_id text NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    handle text NOT NULL,
    manager boolean NOT NULL,
    PRIMARY KEY (folder_id, handle)
  );
  CREATE TABLE folder_log (
    folder_id text NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    entry text NOT NULL,
    PRIMARY KEY (folder_id, seq)
  );
  CREATE TABLE folder_messages (
    folder_id text NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    id text NOT NULL,
    poster text NOT NULL,
    posted_at bigint NOT NULL,
    message text NOT NULL,
    PRIMARY KEY (folder_id, seq),
    UNIQUE (folder_id, id)
  );
`;

/**
 * 6: the bytes all live folders' messages hold, for the relay-wide folder budget (FolderLimits.maxTotalBytes):
 * kept by every statement that stores messages or deletes a folder, in its transaction, so a post checks one
 * row instead of summing every folder. Deleted folders hold none (their messages go at deletion).
 */
export const SQLITE_FOLDER_USAGE_MIGRATION = `
  CREATE TABLE folder_usage (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
  INSERT INTO folder_usage (id, bytes) SELECT 1, coalesce(sum(message_bytes), 0) FROM folders WHERE deleted_at IS NULL;
`;

export const POSTGRES_FOLDER_USAGE_MIGRATION = `
  CREATE TABLE folder_usage (id integer PRIMARY KEY CHECK (id = 1), bytes bigint NOT NULL);
  INSERT INTO folder_usage (id, bytes) SELECT 1, coalesce(sum(message_bytes), 0) FROM folders WHERE deleted_at IS NULL;
`;
