/**
 * Group commit for the SQLite store: the writes queued in one turn of the event loop run in one
 * transaction once the turn ends, each in a savepoint of it (each is a better-sqlite3 transaction
 * function, which nests as a savepoint), so one refused or failed request rolls back alone and every
 * request is answered only once its own rows are committed.
 *
 * The write lock is taken without waiting: when another process of the deployment holds it, the group
 * tries again a millisecond later instead of letting SQLite's busy handler sleep, which would stop this
 * process's event loop (and every request it is reading or answering) for 1–100 ms at a time. Requests
 * that arrive meanwhile join the group. After `busyTimeoutMs` of trying, the group fails as a busy
 * timeout does.
 */
import Database from 'better-sqlite3';

/** How long a group waits before trying again for the write lock another process holds, ms. */
const LOCKED_RETRY_MS = 1;

interface Queued {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/**
 * @param db - the store's connection; its busy timeout is set back to `busyTimeoutMs` after each try
 * @param busyTimeoutMs - how long a group may wait for another process's write lock before its requests fail, ms
 * @returns `grouped`: runs a transaction function in the next group, resolving with its result once committed
 */
export function sqliteGroupCommit(db: Database.Database, busyTimeoutMs: number): <T>(run: () => T) => Promise<T> {
  const queued: Queued[] = [];
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  /** When the waiting group first found the lock taken (ms since the epoch), or null. */
  let lockedSince: number | null = null;

  /** Takes the write lock without waiting; returns the busy error when another process holds it. */
  const tryBegin = (): unknown => {
    // Through db.pragma each time: SQLite applies busy_timeout when the statement is compiled, so a
    // prepared one would only take effect once.
    db.pragma('busy_timeout = 0');
    try {
      begin.run();
      return null;
    } catch (error) {
      if (isBusy(error)) return error;
      throw error;
    } finally {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
  };

  const failAll = (error: unknown) => {
    lockedSince = null;
    for (const item of queued.splice(0)) item.reject(error);
  };

  const flush = () => {
    let busy: unknown;
    try {
      busy = tryBegin();
    } catch (error) {
      failAll(error);
      return;
    }
    if (busy !== null) {
      const now = Date.now();
      lockedSince ??= now;
      if (now - lockedSince < busyTimeoutMs) setTimeout(flush, LOCKED_RETRY_MS);
      else failAll(busy);
      return;
    }
    lockedSince = null;
    const group = queued.splice(0);
    const results = group.map((item): { ok: true; value: unknown } | { ok: false; error: unknown } => {
      try {
        return { ok: true, value: item.run() };
      } catch (error) {
        return { ok: false, error };
      }
    });
    try {
      commit.run();
    } catch (error) {
      try {
        if (db.inTransaction) rollback.run();
      } catch {
        // The connection is unusable (closed, disk gone): the commit's own error is the one to report.
      }
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const result = results[i]!;
      if (result.ok) item.resolve(result.value);
      else item.reject(result.error);
    });
  };

  return <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queued.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (queued.length === 1) setImmediate(flush);
    });
}
