/**
 * Shared folders (issue 13): create a folder, append to its membership log (compare-and-swap on the
 * seq), read the log, post and read messages, delete. Every route is authenticated (signed or in a
 * session) and spends its claim in the store transaction that does its work. Entries and messages are
 * opaque signed text to the relay: it checks their size and that the folder id (and the entry's seq, the
 * message's id) inside the JSON match the request, so a client's mix-up is refused here rather than stored
 * under the wrong folder. The access list from the clients' hints only keeps strangers out: a caller not
 * on it is told the folder does not exist; clients verify every entry and message themselves (T05, T23).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  appendFolderLogRequestSchema,
  createFolderRequestSchema,
  folderIdSchema,
  folderMessageIdSchema,
  folderPageQuerySchema,
  folderSeqSchema,
  postFolderMessageRequestSchema,
  postFolderMessagesRequestSchema,
  type CreateFolderResponse,
  type DeleteFolderResponse,
  type FolderLogPage,
  type FolderMessagePage,
  type PostFolderMessageResponse,
  type PostFolderMessagesResponse,
} from '../../lib/relay-protocol/folder-schemas';
import { DEFAULT_FOLDER_PAGE, MAX_BODY_BYTES, MAX_FOLDER_BODY_BYTES } from '../../lib/relay-protocol/relay-limits';
import { FOLDERS_PATH } from '../../lib/relay-protocol/relay-paths';
import type { authenticate } from '../authenticate';
import { parseJsonBody } from '../parse-json-body';
import type { RelayDeps, RelayEnv } from '../relay-deps';
import { RelayHttpError } from '../relay-http-error';
import type { FolderMessageToStore, FolderRefusal } from '../store/folder-store';

/** How long a creator at the folder limit should wait before trying again, s: until they delete one. */
const FULL_RETRY_AFTER_S = 15 * 60;

const utf8 = new TextEncoder();

/** The fields of a log entry the relay compares with the request; the rest is the clients' business. */
const entryInsideSchema = z.looseObject({ folderId: folderIdSchema, seq: folderSeqSchema });
/** The fields of a message the relay compares with the request. */
const messageInsideSchema = z.looseObject({ folderId: folderIdSchema, id: folderMessageIdSchema });

/**
 * Checks that the JSON text's own folder id (and seq or id) are the request's.
 * @throws RelayHttpError 400 invalid-request naming what does not match (never its value)
 */
function checkInside(text: string, schema: typeof entryInsideSchema | typeof messageInsideSchema, expected: Record<string, string | number>, what: string): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RelayHttpError('invalid-request', `invalid request: the ${what} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new RelayHttpError('invalid-request', `invalid request: the ${what} has no valid ${String(parsed.error.issues[0]?.path[0] ?? 'fields')}`);
  for (const [field, value] of Object.entries(expected)) {
    if ((parsed.data as Record<string, unknown>)[field] !== value) throw new RelayHttpError('invalid-request', `invalid request: the ${what}'s ${field} is not the request's`);
  }
}

/** A posted message checked against its folder, with its size for the folder's budget. */
function checkedMessage(folderId: string, post: { id: string; message: string }): FolderMessageToStore {
  checkInside(post.message, messageInsideSchema, { folderId, id: post.id }, 'message');
  return { id: post.id, message: post.message, size: utf8.encode(post.message).length };
}

/**
 * @returns the route's `:folderId`
 * @throws RelayHttpError 400 invalid-request when it is not 16 bytes of base64url
 */
function folderIdParam(c: Context): string {
  const id = folderIdSchema.safeParse(c.req.param('folderId'));
  if (!id.success) throw new RelayHttpError('invalid-request', 'invalid request: folder id');
  return id.data;
}

function pageOf(c: Context): { after: number; limit: number } {
  const query = folderPageQuerySchema.safeParse(c.req.query());
  if (!query.success) throw new RelayHttpError('invalid-request', 'invalid request: query');
  return { after: query.data.after ?? 0, limit: query.data.limit ?? DEFAULT_FOLDER_PAGE };
}

/** The refusal as the error the client sees; messages never repeat request content. */
function refusalError(refusal: FolderRefusal): RelayHttpError {
  switch (refusal.reason) {
    case 'not-found':
      return new RelayHttpError('not-found', 'no such folder, or you are not on its access list');
    case 'forbidden':
      return new RelayHttpError('forbidden', 'only a manager of the folder may do this (a member may only remove themself)');
    case 'gone':
      return new RelayHttpError('gone', 'the folder was deleted');
    case 'exists':
      return new RelayHttpError('exists', 'this id is taken (another folder, or another message under the same id)');
    case 'too-many-folders':
      return new RelayHttpError('too-many-folders', 'this identity has created as many folders as the relay allows', { retryAfterSeconds: FULL_RETRY_AFTER_S });
    case 'relay-full':
      return new RelayHttpError('relay-full', 'the relay is out of storage for shared folders; nothing was stored', { retryAfterSeconds: FULL_RETRY_AFTER_S });
    case 'folder-full':
      return new RelayHttpError('folder-full', 'the folder holds as many entries, message bytes or members as the relay allows', { retryAfterSeconds: FULL_RETRY_AFTER_S });
    case 'conflict':
      return new RelayHttpError('conflict', 'another entry holds this seq; read the log from head and try again', { head: refusal.head });
  }
}

/** The folder routes; `auth` is the app's authenticate middleware. */
export function folderRoutes(deps: RelayDeps, auth: ReturnType<typeof authenticate>) {
  return new Hono<RelayEnv>()
    .post(FOLDERS_PATH, auth(MAX_FOLDER_BODY_BYTES, 'in-route'), async (c) => {
      const request = parseJsonBody(c.var.body, createFolderRequestSchema);
      checkInside(request.entry, entryInsideSchema, { folderId: request.folderId, seq: 1 }, 'entry');
      const outcome = await deps.store.createFolder({ id: request.folderId, creator: c.var.handle, entry: request.entry }, deps.now(), deps.limits.folders, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ created: outcome.created } satisfies CreateFolderResponse, outcome.created ? 201 : 200);
    })
    .post(`${FOLDERS_PATH}/:folderId/log`, auth(MAX_FOLDER_BODY_BYTES, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const request = parseJsonBody(c.var.body, appendFolderLogRequestSchema);
      checkInside(request.entry, entryInsideSchema, { folderId, seq: request.seq }, 'entry');
      const append = { seq: request.seq, entry: request.entry, add: request.access?.add ?? [], remove: request.access?.remove ?? [] };
      const outcome = await deps.store.appendFolderLog(folderId, c.var.handle, append, deps.limits.folders, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ seq: request.seq });
    })
    .get(`${FOLDERS_PATH}/:folderId/log`, auth(0, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const { after, limit } = pageOf(c);
      const outcome = await deps.store.listFolderLog(folderId, c.var.handle, after, limit, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ entries: outcome.entries, head: outcome.head, deleted: outcome.deleted } satisfies FolderLogPage);
    })
    .post(`${FOLDERS_PATH}/:folderId/messages`, auth(MAX_FOLDER_BODY_BYTES, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const request = parseJsonBody(c.var.body, postFolderMessageRequestSchema);
      const outcome = await deps.store.postFolderMessages(folderId, c.var.handle, [checkedMessage(folderId, request)], deps.now(), deps.limits.folders, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ seq: outcome.seqs[0]! } satisfies PostFolderMessageResponse);
    })
    .post(`${FOLDERS_PATH}/:folderId/messages/batch`, auth(MAX_BODY_BYTES, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const request = parseJsonBody(c.var.body, postFolderMessagesRequestSchema);
      const messages = request.messages.map((message) => checkedMessage(folderId, message));
      const outcome = await deps.store.postFolderMessages(folderId, c.var.handle, messages, deps.now(), deps.limits.folders, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ seqs: outcome.seqs } satisfies PostFolderMessagesResponse);
    })
    .get(`${FOLDERS_PATH}/:folderId/messages`, auth(0, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const { after, limit } = pageOf(c);
      const outcome = await deps.store.listFolderMessages(folderId, c.var.handle, after, limit, c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ messages: outcome.messages, head: outcome.head } satisfies FolderMessagePage);
    })
    .post(`${FOLDERS_PATH}/:folderId/delete`, auth(0, 'in-route'), async (c) => {
      const folderId = folderIdParam(c);
      const outcome = await deps.store.deleteFolder(folderId, c.var.handle, deps.now(), c.var.claim);
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ deleted: outcome.deleted } satisfies DeleteFolderResponse);
    });
}
