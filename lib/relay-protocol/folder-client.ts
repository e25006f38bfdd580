/**
 * The shared-folder half of the relay client (issue 13): create a folder, append to its membership log
 * with compare-and-swap, read the log, post and read folder messages, delete the folder. createRelayClient
 * mixes these methods in, so every call goes in the identity's relay session like the mailbox calls.
 * What comes back is untrusted: the caller verifies every entry and message (signatures, hash chain,
 * roles) before using it; the relay can drop, reorder or withhold, never forge (T05, T23, T24).
 */
import type { z } from 'zod';
import {
  appendFolderLogRequestSchema,
  appendFolderLogResponseSchema,
  createFolderRequestSchema,
  createFolderResponseSchema,
  deleteFolderResponseSchema,
  ENTRY_TOO_LARGE,
  folderIdSchema,
  folderLogPageSchema,
  folderMessagePageSchema,
  folderPageRequestSchema,
  MESSAGE_TOO_LARGE,
  postFolderMessageRequestSchema,
  postFolderMessageResponseSchema,
  postFolderMessagesRequestSchema,
  postFolderMessagesResponseSchema,
  type CreateFolderResponse,
  type DeleteFolderResponse,
  type FolderAccess,
  type FolderLogPage,
  type FolderMessagePage,
  type PostFolderMessageResponse,
  type PostFolderMessagesResponse,
} from './folder-schemas';
import { RelayError } from './relay-error';
import { MAX_BODY_BYTES } from './relay-limits';
import { FOLDERS_PATH, folderDeletePath, folderLogPath, folderMessageBatchPath, folderMessagesPath } from './relay-paths';

/** One authenticated call, made by the relay client in its session; resolves to the validated 2xx body. */
export interface FolderCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  response: S;
}

/** How the folder methods reach the relay: the relay client's session call (throws RelayError). */
export type FolderSend = <S extends z.ZodType>(call: FolderCall<S>) => Promise<z.output<S>>;

/** A page request: entries or messages with seq greater than `after` (0 by default), at most `limit` (1–500, default 500). */
export interface FolderPageRequest {
  after?: number;
  limit?: number;
}

/** The outcome of a compare-and-swap append. */
export type AppendFolderLogResult =
  /** The entry is stored at the seq asked for (or was already, identical: a retry). */
  | { ok: true }
  /** Another entry holds that seq; `conflict` is the relay's stored count (its last seq): read the log from there, replay, retry. */
  | { conflict: number };

export interface FolderClient {
  /**
   * POST /v1/folders: creates the folder at the relay with its signed `create` entry as seq 1; the caller
   * becomes the relay's first manager.
   * @param folderId - 16 random bytes, base64url without padding (22 characters)
   * @param entry - the JSON text of the signed seq-1 entry, at most 16 KiB of UTF-8; its `folderId` must be `folderId`
   * @returns `created: false` when this caller had already created it with this very entry (a retry)
   * @throws RelayError refused `exists` (the id is taken), `too-many-folders` (429, 200 per identity),
   *   `entry-too-large`, `invalid-request`; or offline, unavailable, rate-limited
   */
  createFolder(folderId: string, entry: string): Promise<CreateFolderResponse>;
  /**
   * POST /v1/folders/:folderId/log: appends one entry if `seq` is the relay's stored count + 1
   * (compare-and-swap), applying `access` to the relay's access list in the same transaction.
   * @param append.seq - the entry's own seq (≥ 1; the relay holds at most 10,000 entries per folder)
   * @param append.entry - JSON text of the signed entry, at most 16 KiB; its `folderId` and `seq` must match
   * @param append.access - clear hints for the relay's access list: `add` (or change the manager flag of)
   *   handles, `remove` handles; at most 100 changes. Only a manager may append, except a member whose only
   *   change is removing themself (leaving).
   * @returns `{ ok: true }`, or `{ conflict: head }` when another entry holds that seq (or the seq is beyond head + 1)
   * @throws RelayError refused `forbidden` (not a manager), `not-found` (no such folder, or not a member),
   *   `gone` (deleted), `folder-full` (10,000 entries or 1,000 handles), `entry-too-large`, `invalid-request`
   */
  appendFolderLog(folderId: string, append: { seq: number; entry: string; access?: FolderAccess }): Promise<AppendFolderLogResult>;
  /**
   * GET /v1/folders/:folderId/log: entries with seq > `after`, in seq order, as stored (unverified).
   * @returns `head` (the stored count; read on while the last seq is below it) and `deleted`
   * @throws RelayError refused `not-found` (no such folder, or the caller is not on its access list)
   */
  listFolderLog(folderId: string, page?: FolderPageRequest): Promise<FolderLogPage>;
  /**
   * POST /v1/folders/:folderId/messages: stores one message under its client-chosen id and gives it the
   * folder's next seq (contiguous per folder). Posting the same id and text again answers with the first seq.
   * @param post.id - 16 random bytes, base64url (22 characters); the message's own `id`
   * @param post.message - JSON text of the signed FolderMessage, at most 64 KiB; its `folderId` and `id` must match
   * @throws RelayError refused `exists` (that id holds another text), `not-found`, `gone`,
   *   `folder-full` (64 MiB of messages), `message-too-large`, `invalid-request`
   */
  postFolderMessage(folderId: string, post: { id: string; message: string }): Promise<PostFolderMessageResponse>;
  /**
   * POST /v1/folders/:folderId/messages/batch: like postFolderMessage for 1–100 messages in one call, stored
   * all together or not at all, with consecutive seqs in request order (moving many items into a folder;
   * the relay allows 300 calls a minute per identity).
   * @param posts - as for postFolderMessage; the whole body at most MAX_BODY_BYTES (6.4 MiB)
   * @returns each message's seq, in request order (its first seq for an id stored before)
   * @throws RelayError as postFolderMessage (one refused message refuses the batch), and refused
   *   `body-too-large` (unsent) for a body over MAX_BODY_BYTES
   */
  postFolderMessages(folderId: string, posts: { id: string; message: string }[]): Promise<PostFolderMessagesResponse>;
  /**
   * GET /v1/folders/:folderId/messages: messages with seq > `after`, in seq order, contiguous (no seq is
   * ever skipped: a later seq is never visible before an earlier one is).
   * @returns `head`: the last seq stored; read on while the page's last seq is below it
   * @throws RelayError refused `not-found` (no such folder, or the caller is not on its access list)
   */
  listFolderMessages(folderId: string, page?: FolderPageRequest): Promise<FolderMessagePage>;
  /**
   * POST /v1/folders/:folderId/delete: a manager on the relay's list deletes the folder: its messages go
   * now; its log stays readable by members for 30 days (so they can read the signed `delete` entry, which
   * the caller appends first), then is purged.
   * @returns `deleted: false` when it was deleted already
   * @throws RelayError refused `forbidden` (not a manager), `not-found`
   */
  deleteFolder(folderId: string): Promise<DeleteFolderResponse>;
}

/**
 * The folder methods over one relay client's session call.
 * @example const folders = folderMethods(send); await folders.appendFolderLog(id, { seq: 2, entry, access: { add: [{ handle: 'bob', manager: false }] } });
 */
export function folderMethods(send: FolderSend): FolderClient {
  return {
    createFolder: async (folderId, entry) =>
      send({ method: 'POST', path: FOLDERS_PATH, body: checked(createFolderRequestSchema, { folderId, entry }), response: createFolderResponseSchema }),

    appendFolderLog: async (folderId, append) => {
      const body = checked(appendFolderLogRequestSchema, append);
      try {
        await send({ method: 'POST', path: folderLogPath(checkedId(folderId)), body, response: appendFolderLogResponseSchema });
        return { ok: true };
      } catch (error) {
        if (error instanceof RelayError && error.details.code === 'conflict' && error.details.head !== undefined) return { conflict: error.details.head };
        throw error;
      }
    },

    listFolderLog: async (folderId, page = {}) =>
      send({ method: 'GET', path: `${folderLogPath(checkedId(folderId))}${pageQuery(page)}`, response: folderLogPageSchema }),

    postFolderMessage: async (folderId, post) =>
      send({ method: 'POST', path: folderMessagesPath(checkedId(folderId)), body: checked(postFolderMessageRequestSchema, post), response: postFolderMessageResponseSchema }),

    postFolderMessages: async (folderId, posts) => {
      const body = checked(postFolderMessagesRequestSchema, { messages: posts });
      if (utf8.encode(JSON.stringify(body)).length > MAX_BODY_BYTES) {
        throw new RelayError('refused', 'too many folder messages for one call to the relay', { status: null, code: 'body-too-large' });
      }
      return send({ method: 'POST', path: folderMessageBatchPath(checkedId(folderId)), body, response: postFolderMessagesResponseSchema });
    },

    listFolderMessages: async (folderId, page = {}) =>
      send({ method: 'GET', path: `${folderMessagesPath(checkedId(folderId))}${pageQuery(page)}`, response: folderMessagePageSchema }),

    deleteFolder: async (folderId) => send({ method: 'POST', path: folderDeletePath(checkedId(folderId)), response: deleteFolderResponseSchema }),
  };
}

const utf8 = new TextEncoder();

function checkedId(folderId: string): string {
  return checked(folderIdSchema, folderId);
}

/** Validates what the caller asked to send; a request the relay would refuse is refused here, unsent. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const marked = parsed.error.issues.find((issue) => issue.code === 'custom' && (issue.params?.code === ENTRY_TOO_LARGE || issue.params?.code === MESSAGE_TOO_LARGE));
  if (marked?.code === 'custom') {
    const code = marked.params?.code === ENTRY_TOO_LARGE ? 'entry-too-large' : 'message-too-large';
    throw new RelayError('refused', code === 'entry-too-large' ? 'a folder log entry is too large for the relay' : 'a folder message is too large for the relay', { status: null, code });
  }
  throw new RelayError('refused', 'the request is not valid for the relay', { status: null, code: 'invalid-request' });
}

function pageQuery(request: FolderPageRequest): string {
  const page = checked(folderPageRequestSchema, request);
  const query = new URLSearchParams();
  if (page.after !== undefined) query.set('after', String(page.after));
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  return query.size === 0 ? '' : `?${query.toString()}`;
}
