/**
 * What the relay keeps for shared folders (issue 13), part of the RelayStore interface and implemented by
 * both stores (sqlite-folder-store.ts, postgres-folder-store.ts). Per folder: its creator, the membership
 * log (opaque signed entries, appended by compare-and-swap on their seq), the messages (opaque signed
 * items, receipts and names) with a per-folder seq, and an access list of handles built from the clients'
 * clear hints. The access list only keeps strangers out; clients verify every entry and message (T05, T23).
 *
 * Every write to a folder first locks its row (PostgreSQL: SELECT … FOR UPDATE; SQLite: the immediate
 * transaction), then reads, checks and writes, so a message's seq is the folder's counter + 1 taken in the
 * transaction that inserts it: seqs commit in order, a reader paging with `after` never skips one that
 * commits later (a global id sequence would: PostgreSQL transactions commit out of id order).
 */
/** Per-deployment ceilings (RelayLimits.folders); defaults from lib/relay-protocol/relay-limits. */
export interface FolderLimits {
  /** Folders one identity may have created and not deleted. */
  maxPerHandle: number;
  /** Entries one folder's log may hold. */
  maxLogEntries: number;
  /** Bytes (UTF-8) of messages one folder may hold. */
  maxMessageBytes: number;
  /** Handles one folder's access list may hold. */
  maxMembers: number;
  /**
   * Bytes (UTF-8) of messages all live folders of the relay may hold together: without it one cheap
   * identity could fill maxPerHandle folders of maxMessageBytes each (200 × 64 MiB), outside the mailboxes'
   * storage budget. A post beyond it is refused `relay-full`.
   */
  maxTotalBytes: number;
}

/** Why a folder call did nothing. `not-found` also answers a caller who is not on the folder's access list. */
export type FolderRefusal =
  | { ok: false; reason: 'not-found' | 'forbidden' | 'gone' | 'exists' | 'too-many-folders' | 'folder-full' | 'relay-full' }
  | { ok: false; reason: 'conflict'; head: number };

export type FolderOutcome<T> = ({ ok: true } & T) | FolderRefusal;

/** A log append as the route checked it: the entry's folder id and seq match the request. */
export interface FolderAppend {
  seq: number;
  entry: string;
  /** Handles to add to the access list, or whose manager flag to set. */
  add: { handle: string; manager: boolean }[];
  /** Handles to take off the access list. */
  remove: string[];
}

/** A message as the route checked it. */
export interface FolderMessageToStore {
  id: string;
  message: string;
  /** Its UTF-8 size, bytes, counted against the folder's budget. */
  size: number;
}

export interface StoredFolderEntry {
  seq: number;
  entry: string;
}

export interface StoredFolderMessage {
  seq: number;
  id: string;
  message: string;
}

/**
 * @typeParam Claim - what an authenticated request spends in the same transaction (relay-store's
 *   RequestClaim; a parameter so this file does not import the interface that extends it)
 */
export interface FolderStore<Claim> {
  /**
   * Creates a folder with `entry` as seq 1 and the creator as the access list's first manager. The same
   * creator with the same entry again answers `created: false`; anyone else's id clash is `exists`.
   * @throws ClaimRefused when `claim` is refused (nothing is stored)
   */
  createFolder(folder: { id: string; creator: string; entry: string }, now: number, limits: FolderLimits, claim?: Claim): Promise<FolderOutcome<{ created: boolean }>>;
  /**
   * Appends one log entry if `append.seq` is the stored count + 1 and the caller may append (a manager, or
   * a member whose only change is removing themself), applying the access changes in the same transaction.
   * The identical entry already at that seq answers ok (a retry).
   */
  appendFolderLog(folderId: string, handle: string, append: FolderAppend, limits: FolderLimits, claim?: Claim): Promise<FolderOutcome<object>>;
  /** Log entries with seq above `after`, in order, at most `limit`; for handles on the access list (a deleted folder's too, until purged). */
  listFolderLog(folderId: string, handle: string, after: number, limit: number, claim?: Claim): Promise<FolderOutcome<{ entries: StoredFolderEntry[]; head: number; deleted: boolean }>>;
  /**
   * Stores messages, all or none, under the folder's next seqs in order; an id stored before (or earlier in
   * the batch) answers its first seq if the text is the same, else the batch is `exists`.
   * @returns each message's seq, in order
   */
  postFolderMessages(folderId: string, handle: string, messages: FolderMessageToStore[], now: number, limits: FolderLimits, claim?: Claim): Promise<FolderOutcome<{ seqs: number[] }>>;
  /** Messages with seq above `after`, in order, at most `limit`, and the last seq stored, read in one snapshot. */
  listFolderMessages(folderId: string, handle: string, after: number, limit: number, claim?: Claim): Promise<FolderOutcome<{ messages: StoredFolderMessage[]; head: number }>>;
  /** Marks the folder deleted and drops its messages (a manager only); `deleted: false` when it was already. */
  deleteFolder(folderId: string, handle: string, now: number, claim?: Claim): Promise<FolderOutcome<{ deleted: boolean }>>;
  /** Drops every row of folders deleted at or before `deletedBefore`; returns how many folders went. */
  purgeDeletedFolders(deletedBefore: number): Promise<number>;
}

/** A folder's row and the caller's place on its access list, as read under the folder's lock. */
export interface LockedFolder {
  creator: string;
  logCount: number;
  messageCount: number;
  messageBytes: number;
  deleted: boolean;
  /** null: the caller is not on the access list. */
  manager: boolean | null;
}

/** Thrown inside a store transaction to roll it back; the store returns its refusal. */
export class FolderRefused extends Error {
  override name = 'FolderRefused';
  constructor(readonly refusal: FolderRefusal) {
    super(`folder call refused: ${refusal.reason}`);
  }
}

function refuse(reason: Exclude<FolderRefusal['reason'], 'conflict'>): never {
  throw new FolderRefused({ ok: false, reason });
}

/**
 * The checks of a log append, the same in both stores, after an identical retry was ruled out.
 * @throws FolderRefused not-found (no folder, or the caller is not listed), gone, forbidden, conflict, folder-full
 */
export function checkAppend(folder: LockedFolder | null, handle: string, append: FolderAppend, limits: FolderLimits): asserts folder is LockedFolder {
  if (!folder || folder.manager === null) refuse('not-found');
  const listed = folder;
  if (listed.deleted) refuse('gone');
  // A member who is not a manager may only leave: take themself off, and nothing else.
  const leaving = append.add.length === 0 && append.remove.length === 1 && append.remove[0] === handle;
  if (!listed.manager && !leaving) refuse('forbidden');
  if (append.seq !== listed.logCount + 1) throw new FolderRefused({ ok: false, reason: 'conflict', head: listed.logCount });
  if (listed.logCount >= limits.maxLogEntries) refuse('folder-full');
}

/**
 * The checks of a message post, after a retry of a stored id was ruled out.
 * @param size - bytes of the new messages
 * @param relayBytes - bytes all live folders hold now (the relay's folder_usage row)
 * @throws FolderRefused not-found, gone, folder-full (this folder's budget), relay-full (the relay-wide one)
 */
export function checkPost(folder: LockedFolder | null, size: number, limits: FolderLimits, relayBytes: number): asserts folder is LockedFolder {
  if (!folder || folder.manager === null) refuse('not-found');
  const listed = folder;
  if (listed.deleted) refuse('gone');
  if (listed.messageBytes + size > limits.maxMessageBytes) refuse('folder-full');
  if (relayBytes + size > limits.maxTotalBytes) refuse('relay-full');
}

/**
 * The messages of a batch to store: the first of each id neither stored nor earlier in the batch.
 * @param stored - the folder's messages with the batch's ids, by id
 * @throws FolderRefused exists when an id comes with another text than it has (stored or in the batch)
 */
export function newMessages(messages: FolderMessageToStore[], stored: Map<string, { message: string }>): FolderMessageToStore[] {
  const fresh = new Map<string, FolderMessageToStore>();
  for (const message of messages) {
    const same = stored.get(message.id) ?? fresh.get(message.id);
    if (!same) fresh.set(message.id, message);
    else if (same.message !== message.message) refuse('exists');
  }
  return [...fresh.values()];
}

/**
 * The checks of a read: the caller is on the list; messages of a deleted folder are gone.
 * @throws FolderRefused not-found, gone (messages only)
 */
export function checkRead(folder: LockedFolder | null, what: 'log' | 'messages'): asserts folder is LockedFolder {
  if (!folder || folder.manager === null) refuse('not-found');
  if (what === 'messages' && folder.deleted) refuse('gone');
}

/**
 * The checks of a delete.
 * @throws FolderRefused not-found, forbidden (not a manager)
 */
export function checkDelete(folder: LockedFolder | null): asserts folder is LockedFolder {
  if (!folder || folder.manager === null) refuse('not-found');
  if (!folder.manager) refuse('forbidden');
}

/** Runs a store transaction that may refuse, turning the refusal into its outcome. */
export async function refusable<T>(run: () => Promise<T>): Promise<T | FolderRefusal> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FolderRefused) return error.refusal;
    throw error;
  }
}
