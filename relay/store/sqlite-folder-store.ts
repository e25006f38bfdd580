/**
 * The SQLite half of shared folders (issue 13), spread into the SQLite store. Every call is one immediate
 * transaction (in the store's group commit), so the writer holds the file while it reads the folder's
 * counters and inserts: a message's seq is the counter + 1, committed with the message, and two relay
 * processes on the same file take turns (WAL, busy timeout). The claim is spent first, as in the rest
 * of the SQLite store: a refused claim costs nothing.
 */
import type Database from 'better-sqlite3';
import {
  checkAppend,
  checkDelete,
  checkPost,
  checkRead,
  FolderRefused,
  newMessages,
  type FolderLimits,
  type FolderMessageToStore,
  type FolderRefusal,
  type FolderStore,
  type LockedFolder,
} from './folder-store';
import type { RequestClaim } from './relay-store';

interface FolderRow {
  creator: string;
  log_count: number;
  message_count: number;
  message_bytes: number;
  deleted_at: number | null;
  manager: number | null;
}

/** What the folder half borrows from the SQLite store. */
export interface SqliteFolderStoreDeps {
  /** Spends a request's claim inside the current transaction. */
  spend: (claim: RequestClaim | undefined) => void;
  /** Runs `run` in the store's next group-commit transaction (as a savepoint of it). */
  grouped: <T>(run: () => T) => Promise<T>;
}

/**
 * @param db - the SQLite store's connection
 * @returns the methods, and `prepare` to call once the schema exists (after migrate)
 */
export function createSqliteFolderStore(db: Database.Database, deps: SqliteFolderStoreDeps): { methods: FolderStore<RequestClaim>; prepare: () => void } {
  const statements = () => ({
    folder: db.prepare<[string, string], FolderRow>(
      `SELECT creator, log_count, message_count, message_bytes, deleted_at,
         (SELECT manager FROM folder_members WHERE folder_id = folders.id AND handle = ?) AS manager
       FROM folders WHERE id = ?`,
    ),
    liveCreated: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM folders WHERE creator = ? AND deleted_at IS NULL'),
    insertFolder: db.prepare<[string, string, number]>(
      'INSERT INTO folders (id, creator, created_at, log_count, message_count, message_bytes, deleted_at) VALUES (?, ?, ?, 1, 0, 0, NULL)',
    ),
    upsertMember: db.prepare<[string, string, number]>(
      'INSERT INTO folder_members (folder_id, handle, manager) VALUES (?, ?, ?) ON CONFLICT (folder_id, handle) DO UPDATE SET manager = excluded.manager',
    ),
    removeMember: db.prepare<[string, string]>('DELETE FROM folder_members WHERE folder_id = ? AND handle = ?'),
    memberCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM folder_members WHERE folder_id = ?'),
    entryAt: db.prepare<[string, number], { entry: string }>('SELECT entry FROM folder_log WHERE folder_id = ? AND seq = ?'),
    insertEntry: db.prepare<[string, number, string]>('INSERT INTO folder_log (folder_id, seq, entry) VALUES (?, ?, ?)'),
    setLogCount: db.prepare<[number, string]>('UPDATE folders SET log_count = ? WHERE id = ?'),
    listLog: db.prepare<[string, number, number], { seq: number; entry: string }>('SELECT seq, entry FROM folder_log WHERE folder_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    messageById: db.prepare<[string, string], { seq: number; message: string }>('SELECT seq, message FROM folder_messages WHERE folder_id = ? AND id = ?'),
    nextSeq: db.prepare<[number, string], { seq: number }>(
      'UPDATE folders SET message_count = message_count + 1, message_bytes = message_bytes + ? WHERE id = ? RETURNING message_count AS seq',
    ),
    insertMessage: db.prepare<[string, number, string, string, number, string]>(
      'INSERT INTO folder_messages (folder_id, seq, id, poster, posted_at, message) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listMessages: db.prepare<[string, number, number], { seq: number; id: string; message: string }>(
      'SELECT seq, id, message FROM folder_messages WHERE folder_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    folderBytes: db.prepare<[], { bytes: number }>('SELECT bytes FROM folder_usage WHERE id = 1'),
    addFolderBytes: db.prepare<[number]>('UPDATE folder_usage SET bytes = bytes + ? WHERE id = 1'),
    markDeleted: db.prepare<[number, string]>('UPDATE folders SET deleted_at = ?, message_bytes = 0 WHERE id = ? AND deleted_at IS NULL'),
    dropMessages: db.prepare<[string]>('DELETE FROM folder_messages WHERE folder_id = ?'),
    purgeMessages: db.prepare<[number]>('DELETE FROM folder_messages WHERE folder_id IN (SELECT id FROM folders WHERE deleted_at <= ?)'),
    purgeLog: db.prepare<[number]>('DELETE FROM folder_log WHERE folder_id IN (SELECT id FROM folders WHERE deleted_at <= ?)'),
    purgeMembers: db.prepare<[number]>('DELETE FROM folder_members WHERE folder_id IN (SELECT id FROM folders WHERE deleted_at <= ?)'),
    purgeFolders: db.prepare<[number]>('DELETE FROM folders WHERE deleted_at <= ?'),
  });
  let prepared: ReturnType<typeof statements> | null = null;
  const sql = () => {
    if (!prepared) throw new Error('sqlite store: migrate() must run first');
    return prepared;
  };

  const folderOf = (id: string, handle: string): LockedFolder | null => {
    const row = sql().folder.get(handle, id);
    if (!row) return null;
    return {
      creator: row.creator,
      logCount: row.log_count,
      messageCount: row.message_count,
      messageBytes: row.message_bytes,
      deleted: row.deleted_at !== null,
      manager: row.manager === null ? null : row.manager === 1,
    };
  };

  /** A transaction (a savepoint of the group) whose refusal rolls it back and becomes its answer. */
  const refusable =
    <A extends unknown[], T>(work: (...args: A) => T) =>
    (...args: A): Promise<T | FolderRefusal> => {
      const run = db.transaction(work);
      return deps.grouped(() => {
        try {
          return run(...args);
        } catch (error) {
          if (error instanceof FolderRefused) return error.refusal;
          throw error;
        }
      });
    };

  const methods: FolderStore<RequestClaim> = {
    createFolder: refusable((folder: { id: string; creator: string; entry: string }, now: number, limits: FolderLimits, claim?: RequestClaim) => {
      deps.spend(claim);
      const s = sql();
      const existing = folderOf(folder.id, folder.creator);
      if (existing) {
        // A retry of this very creation answers as a success; anything else is someone's id.
        if (existing.creator === folder.creator && s.entryAt.get(folder.id, 1)?.entry === folder.entry) return { ok: true as const, created: false };
        throw new FolderRefused({ ok: false, reason: 'exists' });
      }
      if ((s.liveCreated.get(folder.creator)?.n ?? 0) >= limits.maxPerHandle) throw new FolderRefused({ ok: false, reason: 'too-many-folders' });
      s.insertFolder.run(folder.id, folder.creator, now);
      s.upsertMember.run(folder.id, folder.creator, 1);
      s.insertEntry.run(folder.id, 1, folder.entry);
      return { ok: true as const, created: true };
    }),

    appendFolderLog: refusable((folderId: string, handle: string, append, limits, claim) => {
      deps.spend(claim);
      const s = sql();
      const folder = folderOf(folderId, handle);
      // The identical entry at its seq already: a retry whose answer was lost.
      if (folder && append.seq <= folder.logCount && s.entryAt.get(folderId, append.seq)?.entry === append.entry) return { ok: true as const };
      checkAppend(folder, handle, append, limits);
      for (const gone of append.remove) s.removeMember.run(folderId, gone);
      for (const member of append.add) s.upsertMember.run(folderId, member.handle, member.manager ? 1 : 0);
      if (append.add.length > 0 && (s.memberCount.get(folderId)?.n ?? 0) > limits.maxMembers) throw new FolderRefused({ ok: false, reason: 'folder-full' });
      s.insertEntry.run(folderId, append.seq, append.entry);
      s.setLogCount.run(append.seq, folderId);
      return { ok: true as const };
    }),

    listFolderLog: refusable((folderId: string, handle: string, after: number, limit: number, claim?: RequestClaim) => {
      deps.spend(claim);
      const folder = folderOf(folderId, handle);
      checkRead(folder, 'log');
      return { ok: true as const, entries: sql().listLog.all(folderId, after, limit), head: folder.logCount, deleted: folder.deleted };
    }),

    postFolderMessages: refusable((folderId: string, handle: string, messages: FolderMessageToStore[], now: number, limits: FolderLimits, claim?: RequestClaim) => {
      deps.spend(claim);
      const s = sql();
      const folder = folderOf(folderId, handle);
      const stored = new Map<string, { seq: number; message: string }>();
      if (folder && folder.manager !== null) {
        for (const { id } of messages) {
          const earlier = s.messageById.get(folderId, id);
          if (earlier) stored.set(id, earlier);
        }
      }
      const fresh = newMessages(messages, stored);
      const bytes = fresh.reduce((sum, message) => sum + message.size, 0);
      if (fresh.length > 0) {
        checkPost(folder, bytes, limits, s.folderBytes.get()?.bytes ?? 0);
        s.addFolderBytes.run(bytes);
      }
      for (const message of fresh) {
        const seq = s.nextSeq.get(message.size, folderId)?.seq;
        if (seq === undefined) throw new Error('sqlite store: folder vanished while posting');
        s.insertMessage.run(folderId, seq, message.id, handle, now, message.message);
        stored.set(message.id, { seq, message: message.message });
      }
      return { ok: true as const, seqs: messages.map((message) => stored.get(message.id)!.seq) };
    }),

    listFolderMessages: refusable((folderId: string, handle: string, after: number, limit: number, claim?: RequestClaim) => {
      deps.spend(claim);
      const folder = folderOf(folderId, handle);
      checkRead(folder, 'messages');
      return { ok: true as const, messages: sql().listMessages.all(folderId, after, limit), head: folder.messageCount };
    }),

    deleteFolder: refusable((folderId: string, handle: string, now: number, claim?: RequestClaim) => {
      deps.spend(claim);
      const folder = folderOf(folderId, handle);
      checkDelete(folder);
      const deleted = sql().markDeleted.run(now, folderId).changes === 1;
      if (deleted) {
        sql().dropMessages.run(folderId);
        sql().addFolderBytes.run(-folder.messageBytes);
      }
      return { ok: true as const, deleted };
    }),

    async purgeDeletedFolders(deletedBefore) {
      return db
        .transaction(() => {
          const s = sql();
          s.purgeMessages.run(deletedBefore);
          s.purgeLog.run(deletedBefore);
          s.purgeMembers.run(deletedBefore);
          return s.purgeFolders.run(deletedBefore).changes;
        })
        .immediate();
    },
  };
  return {
    methods,
    prepare: () => {
      prepared = statements();
    },
  };
}
