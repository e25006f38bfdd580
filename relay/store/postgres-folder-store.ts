/**
 * The PostgreSQL half of shared folders (issue 13), spread into the PostgreSQL store and shared by every
 * relay process of a deployment. Every write locks the folder's row first (SELECT … FOR UPDATE), then
 * checks, then takes the folder's next seq from its counter column and inserts, all in one transaction:
 * a second writer to the same folder waits for the first to commit, so seqs commit in order and a reader
 * paging with `after` never skips one (a global identity column would: its values commit out of order).
 * A read takes the folder row, the caller's place on the access list and the page in one statement, so
 * `head` and the rows come from one snapshot. The claim is spent last, as in the rest of this store.
 */
import type pg from 'pg';
import {
  checkAppend,
  checkDelete,
  checkPost,
  checkRead,
  FolderRefused,
  newMessages,
  refusable,
  type FolderStore,
  type LockedFolder,
} from './folder-store';
import type { RequestClaim } from './relay-store';

interface FolderRow {
  creator: string;
  log_count: number;
  message_count: string;
  message_bytes: string;
  deleted_at: string | null;
  manager: boolean | null;
}

/** What the folder half borrows from the PostgreSQL store. */
export interface PostgresFolderStoreDeps {
  /** Runs `work` in one READ COMMITTED transaction on one pooled client. */
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  /** Spends a request's claim inside `client`'s transaction. */
  spend: (client: pg.PoolClient, claim: RequestClaim | undefined) => Promise<void>;
}

const FOLDER_COLUMNS = `creator, log_count, message_count, message_bytes, deleted_at,
  (SELECT manager FROM folder_members WHERE folder_id = folders.id AND handle = $2) AS manager`;

function lockedFolder(row: FolderRow | undefined): LockedFolder | null {
  if (!row) return null;
  return {
    creator: row.creator,
    logCount: row.log_count,
    messageCount: Number(row.message_count),
    messageBytes: Number(row.message_bytes),
    deleted: row.deleted_at !== null,
    manager: row.manager,
  };
}

/**
 * @param pool - the PostgreSQL store's pool (the purge runs on it)
 * @param deps - the store's transaction and claim helpers
 */
export function createPostgresFolderStore(pool: pg.Pool, deps: PostgresFolderStoreDeps): FolderStore<RequestClaim> {
  /** The folder row, locked until the transaction ends, with the caller's manager flag (null: not listed). */
  async function lock(client: pg.PoolClient, folderId: string, handle: string): Promise<LockedFolder | null> {
    const result = await client.query<FolderRow>(`SELECT ${FOLDER_COLUMNS} FROM folders WHERE id = $1 FOR UPDATE`, [folderId, handle]);
    return lockedFolder(result.rows[0]);
  }

  async function entryAt(client: pg.PoolClient, folderId: string, seq: number): Promise<string | undefined> {
    const result = await client.query<{ entry: string }>('SELECT entry FROM folder_log WHERE folder_id = $1 AND seq = $2', [folderId, seq]);
    return result.rows[0]?.entry;
  }

  return {
    createFolder: (folder, now, limits, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          // The creator's identity row: two creations by one handle take turns, so the per-handle count holds.
          await client.query('SELECT 1 FROM identities WHERE handle = $1 FOR UPDATE', [folder.creator]);
          const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM folders WHERE creator = $1 AND deleted_at IS NULL', [folder.creator]);
          const inserted = await client.query(
            `INSERT INTO folders (id, creator, created_at, log_count, message_count, message_bytes, deleted_at)
             SELECT $1, $2, $3, 1, 0, 0, NULL WHERE $4::bigint < $5::bigint ON CONFLICT (id) DO NOTHING`,
            [folder.id, folder.creator, now, Number(count.rows[0]?.n ?? 0), limits.maxPerHandle],
          );
          if (inserted.rowCount === 0) {
            const existing = await lock(client, folder.id, folder.creator);
            if (!existing) throw new FolderRefused({ ok: false, reason: 'too-many-folders' });
            // A retry of this very creation answers as a success; anything else is someone's id.
            if (existing.creator !== folder.creator || (await entryAt(client, folder.id, 1)) !== folder.entry) throw new FolderRefused({ ok: false, reason: 'exists' });
            await deps.spend(client, claim);
            return { ok: true as const, created: false };
          }
          await client.query('INSERT INTO folder_members (folder_id, handle, manager) VALUES ($1, $2, true)', [folder.id, folder.creator]);
          await client.query('INSERT INTO folder_log (folder_id, seq, entry) VALUES ($1, 1, $2)', [folder.id, folder.entry]);
          await deps.spend(client, claim);
          return { ok: true as const, created: true };
        }),
      ),

    appendFolderLog: (folderId, handle, append, limits, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          const folder = await lock(client, folderId, handle);
          // The identical entry at its seq already: a retry whose answer was lost.
          if (folder && append.seq <= folder.logCount && (await entryAt(client, folderId, append.seq)) === append.entry) {
            await deps.spend(client, claim);
            return { ok: true as const };
          }
          checkAppend(folder, handle, append, limits);
          if (append.remove.length > 0) await client.query('DELETE FROM folder_members WHERE folder_id = $1 AND handle = ANY($2::text[])', [folderId, append.remove]);
          if (append.add.length > 0) {
            await client.query(
              `INSERT INTO folder_members (folder_id, handle, manager) SELECT $1, handle, manager FROM unnest($2::text[], $3::boolean[]) AS t (handle, manager)
               ON CONFLICT (folder_id, handle) DO UPDATE SET manager = excluded.manager`,
              [folderId, append.add.map((member) => member.handle), append.add.map((member) => member.manager)],
            );
            const members = await client.query<{ n: string }>('SELECT count(*) AS n FROM folder_members WHERE folder_id = $1', [folderId]);
            if (Number(members.rows[0]?.n ?? 0) > limits.maxMembers) throw new FolderRefused({ ok: false, reason: 'folder-full' });
          }
          await client.query(
            `WITH counted AS (UPDATE folders SET log_count = $2 WHERE id = $1 RETURNING id)
             INSERT INTO folder_log (folder_id, seq, entry) SELECT id, $2, $3 FROM counted`,
            [folderId, append.seq, append.entry],
          );
          await deps.spend(client, claim);
          return { ok: true as const };
        }),
      ),

    listFolderLog: (folderId, handle, after, limit, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          const result = await client.query<FolderRow & { seq: number | null; entry: string | null }>(
            `SELECT ${FOLDER_COLUMNS}, page.seq, page.entry FROM folders
             LEFT JOIN LATERAL (SELECT seq, entry FROM folder_log WHERE folder_id = folders.id AND seq > $3 ORDER BY seq LIMIT $4) page ON true
             WHERE id = $1 ORDER BY page.seq`,
            [folderId, handle, after, limit],
          );
          const folder = lockedFolder(result.rows[0]);
          checkRead(folder, 'log');
          await deps.spend(client, claim);
          const entries = result.rows.flatMap((row) => (row.seq === null || row.entry === null ? [] : [{ seq: row.seq, entry: row.entry }]));
          return { ok: true as const, entries, head: folder.logCount, deleted: folder.deleted };
        }),
      ),

    postFolderMessages: (folderId, handle, messages, now, limits, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          const folder = await lock(client, folderId, handle);
          const stored = new Map<string, { seq: number; message: string }>();
          if (folder && folder.manager !== null) {
            // Read under the folder's lock: a concurrent post of the same id has committed or not started.
            const earlier = await client.query<{ id: string; seq: string; message: string }>(
              'SELECT id, seq, message FROM folder_messages WHERE folder_id = $1 AND id = ANY($2::text[])',
              [folderId, messages.map((message) => message.id)],
            );
            for (const row of earlier.rows) stored.set(row.id, { seq: Number(row.seq), message: row.message });
          }
          const fresh = newMessages(messages, stored);
          if (fresh.length > 0) {
            const bytes = fresh.reduce((sum, message) => sum + message.size, 0);
            // Read without a lock, so posts to different folders do not wait here: concurrent posts may pass
            // the relay-wide budget by their own size at most (as the mailboxes' budget).
            const usage = await client.query<{ bytes: string }>('SELECT bytes FROM folder_usage WHERE id = 1');
            checkPost(folder, bytes, limits, Number(usage.rows[0]?.bytes ?? 0));
            // The counter moves by the batch's size and the rows take the seqs below it, in request order.
            const inserted = await client.query<{ id: string; seq: string }>(
              `WITH counted AS (UPDATE folders SET message_count = message_count + $2, message_bytes = message_bytes + $3 WHERE id = $1 RETURNING message_count - $2 AS base)
               INSERT INTO folder_messages (folder_id, seq, id, poster, posted_at, message)
               SELECT $1, counted.base + t.n, t.id, $4, $5, t.message FROM counted, unnest($6::text[], $7::text[]) WITH ORDINALITY AS t (id, message, n)
               RETURNING id, seq`,
              [folderId, fresh.length, bytes, handle, now, fresh.map((message) => message.id), fresh.map((message) => message.message)],
            );
            if (inserted.rowCount !== fresh.length) throw new Error('postgres store: folder vanished while posting');
            await client.query('UPDATE folder_usage SET bytes = bytes + $1 WHERE id = 1', [bytes]);
            for (const row of inserted.rows) stored.set(row.id, { seq: Number(row.seq), message: '' });
          }
          await deps.spend(client, claim);
          return { ok: true as const, seqs: messages.map((message) => stored.get(message.id)!.seq) };
        }),
      ),

    listFolderMessages: (folderId, handle, after, limit, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          const result = await client.query<FolderRow & { seq: string | null; id: string | null; message: string | null }>(
            `SELECT ${FOLDER_COLUMNS}, page.seq, page.id, page.message FROM folders
             LEFT JOIN LATERAL (SELECT seq, id, message FROM folder_messages WHERE folder_id = folders.id AND seq > $3 ORDER BY seq LIMIT $4) page ON true
             WHERE folders.id = $1 ORDER BY page.seq`,
            [folderId, handle, after, limit],
          );
          const folder = lockedFolder(result.rows[0]);
          checkRead(folder, 'messages');
          await deps.spend(client, claim);
          const messages = result.rows.flatMap((row) => (row.seq === null || row.id === null || row.message === null ? [] : [{ seq: Number(row.seq), id: row.id, message: row.message }]));
          return { ok: true as const, messages, head: folder.messageCount };
        }),
      ),

    deleteFolder: (folderId, handle, now, claim) =>
      refusable(() =>
        deps.transaction(async (client) => {
          const folder = await lock(client, folderId, handle);
          checkDelete(folder);
          const marked = await client.query('UPDATE folders SET deleted_at = $2, message_bytes = 0 WHERE id = $1 AND deleted_at IS NULL', [folderId, now]);
          const deleted = marked.rowCount === 1;
          if (deleted) {
            await client.query('DELETE FROM folder_messages WHERE folder_id = $1', [folderId]);
            // The folder's bytes as read under its lock leave the relay-wide budget with its messages.
            await client.query('UPDATE folder_usage SET bytes = bytes - $1 WHERE id = 1', [folder.messageBytes]);
          }
          await deps.spend(client, claim);
          return { ok: true as const, deleted };
        }),
      ),

    async purgeDeletedFolders(deletedBefore) {
      // The access list, log and messages go with their folder (ON DELETE CASCADE).
      return (await pool.query('DELETE FROM folders WHERE deleted_at <= $1', [deletedBefore])).rowCount ?? 0;
    },
  };
}
