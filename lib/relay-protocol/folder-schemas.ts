/**
 * Wire schemas of shared folders at the relay (issue 13, FOLDERS-SPEC "Relay"). The relay keeps, per folder,
 * its membership log (signed entries, compare-and-swap on the sequence number), its messages (item
 * revisions, receipts, the name: sealed and signed) with a per-folder sequence number, and an access list
 * built from the clients' clear hints. The access list is a nuisance filter, not security: entries and
 * messages are opaque text to the relay, and every client verifies signatures and roles itself (T05, T23).
 * The relay checks only their size and that the folder id (and, for a log entry, the seq; for a message,
 * the id) inside the JSON text match the request.
 */
import { z } from 'zod';
import { handleSchema } from './identity-bundle';
import { base64UrlBytes } from './link-schemas';
import { MAX_FOLDER_ACCESS_CHANGES, MAX_FOLDER_BATCH, MAX_FOLDER_ENTRY_BYTES, MAX_FOLDER_MESSAGE_BYTES, MAX_FOLDER_PAGE } from './relay-limits';

/** Marks the issue the relay answers with 413 entry-too-large rather than 400. */
export const ENTRY_TOO_LARGE = 'entry-too-large';
/** Marks the issue the relay answers with 413 message-too-large rather than 400. */
export const MESSAGE_TOO_LARGE = 'message-too-large';

/** A folder id: 16 random bytes, base64url without padding (22 characters); it goes in paths. */
export const folderIdSchema = base64UrlBytes(16);
/** A folder message id: 16 random bytes chosen by its author, base64url (22 characters). */
export const folderMessageIdSchema = base64UrlBytes(16);

/** A log entry's or message's sequence number within its folder: 1, 2, 3, … with no gaps. */
export const folderSeqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const utf8 = new TextEncoder();

/** Non-empty text of at most `maxBytes` bytes of UTF-8; oversize is marked with `code`. */
function opaqueText(maxBytes: number, code: string) {
  return (
    z
      .string()
      .min(1)
      // A UTF-8 character is at most 3 bytes per UTF-16 unit, so short strings skip the encoding.
      .refine((text) => text.length * 3 <= maxBytes || (text.length <= maxBytes && utf8.encode(text).length <= maxBytes), {
        message: `at most ${maxBytes} bytes`,
        params: { code },
      })
  );
}

/** A membership-log entry as the relay stores it: the JSON text of the signed LogEntry, at most 16 KiB. */
export const folderEntryTextSchema = opaqueText(MAX_FOLDER_ENTRY_BYTES, ENTRY_TOO_LARGE);
/** A folder message as the relay stores it: the JSON text of the signed FolderMessage, at most 64 KiB. */
export const folderMessageTextSchema = opaqueText(MAX_FOLDER_MESSAGE_BYTES, MESSAGE_TOO_LARGE);

/**
 * POST /v1/folders: creates the folder with its `create` entry as seq 1; the caller becomes the relay's
 * first manager. The same caller creating the same folder with the same entry again (a retry) succeeds.
 */
export const createFolderRequestSchema = z.object({ folderId: folderIdSchema, entry: folderEntryTextSchema }).strict();
export type CreateFolderRequest = z.infer<typeof createFolderRequestSchema>;
/** 201 `{ created: true }`; 200 `{ created: false }` for a retry of the same creation. */
export const createFolderResponseSchema = z.object({ created: z.boolean() });
export type CreateFolderResponse = z.infer<typeof createFolderResponseSchema>;

/** One change to the relay's access list: who may read and post (and, as a manager, append and delete). */
export const folderAccessSchema = z
  .object({
    /** Handles to add, or whose manager flag to set (a role change). */
    add: z.array(z.object({ handle: handleSchema, manager: z.boolean() }).strict()).max(MAX_FOLDER_ACCESS_CHANGES).optional(),
    /** Handles to take off the list (a removal, or the caller leaving). */
    remove: z.array(handleSchema).max(MAX_FOLDER_ACCESS_CHANGES).optional(),
  })
  .strict()
  .refine((access) => (access.add?.length ?? 0) + (access.remove?.length ?? 0) <= MAX_FOLDER_ACCESS_CHANGES, {
    message: `at most ${MAX_FOLDER_ACCESS_CHANGES} access changes`,
  });
export type FolderAccess = z.infer<typeof folderAccessSchema>;

/**
 * POST /v1/folders/:folderId/log: compare-and-swap append. Stored only if `seq` is the stored count + 1;
 * otherwise 409 `{ error: 'conflict', head }` with the stored count. Who may append: a manager on the
 * relay's list, or a member whose only change is removing themself (leaving). The same entry at the same
 * seq again (a retry) succeeds without storing it twice.
 */
export const appendFolderLogRequestSchema = z
  .object({
    // Not capped here: the entry past the relay's 10,000 is answered 429 folder-full, not 400.
    seq: folderSeqSchema,
    entry: folderEntryTextSchema,
    access: folderAccessSchema.optional(),
  })
  .strict();
export type AppendFolderLogRequest = z.infer<typeof appendFolderLogRequestSchema>;
export const appendFolderLogResponseSchema = z.object({ seq: folderSeqSchema });

/** GET …/log and …/messages?after=&limit= (query values are text). */
export const folderPageQuerySchema = z
  .object({
    after: z.string().regex(/^(0|[1-9][0-9]{0,15})$/).transform(Number).pipe(z.number().max(Number.MAX_SAFE_INTEGER)).optional(),
    limit: z.string().regex(/^[1-9][0-9]{0,3}$/).transform(Number).pipe(z.number().max(MAX_FOLDER_PAGE)).optional(),
  })
  .strict();

/** A page request as the client gives it: seqs above `after`, at most `limit` of them. */
export const folderPageRequestSchema = z
  .object({ after: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(), limit: z.number().int().min(1).max(MAX_FOLDER_PAGE).optional() })
  .strict();

/** A page of the log, in seq order from `after` + 1; `head` is the stored count (the last seq). */
export const folderLogPageSchema = z.object({
  entries: z.array(z.object({ seq: folderSeqSchema, entry: z.string() })).max(MAX_FOLDER_PAGE),
  head: z.number().int().nonnegative(),
  /** The folder was deleted at the relay: it takes no more entries or messages and is purged later. */
  deleted: z.boolean(),
});
export type FolderLogPage = z.infer<typeof folderLogPageSchema>;

/** POST /v1/folders/:folderId/messages: stored once per `id`; the same id and text again answers with the first seq. */
export const postFolderMessageRequestSchema = z.object({ id: folderMessageIdSchema, message: folderMessageTextSchema }).strict();
export type PostFolderMessageRequest = z.infer<typeof postFolderMessageRequestSchema>;
/** The message's per-folder sequence number. */
export const postFolderMessageResponseSchema = z.object({ seq: folderSeqSchema });
export type PostFolderMessageResponse = z.infer<typeof postFolderMessageResponseSchema>;

/**
 * POST /v1/folders/:folderId/messages/batch: 1–100 messages stored all together or not at all, with
 * consecutive seqs in request order; ids stored before (or twice in the batch, with the same text) answer
 * their first seq.
 */
export const postFolderMessagesRequestSchema = z.object({ messages: z.array(postFolderMessageRequestSchema).min(1).max(MAX_FOLDER_BATCH) }).strict();
export type PostFolderMessagesRequest = z.infer<typeof postFolderMessagesRequestSchema>;
/** Each message's seq, in request order. */
export const postFolderMessagesResponseSchema = z.object({ seqs: z.array(folderSeqSchema).min(1).max(MAX_FOLDER_BATCH) });
export type PostFolderMessagesResponse = z.infer<typeof postFolderMessagesResponseSchema>;

/** A page of messages, in seq order from `after` + 1 (contiguous); `head` is the last seq stored. */
export const folderMessagePageSchema = z.object({
  messages: z.array(z.object({ seq: folderSeqSchema, id: folderMessageIdSchema, message: z.string() })).max(MAX_FOLDER_PAGE),
  head: z.number().int().nonnegative(),
});
export type FolderMessagePage = z.infer<typeof folderMessagePageSchema>;

/** POST /v1/folders/:folderId/delete: `deleted` is false when it was deleted already. */
export const deleteFolderResponseSchema = z.object({ deleted: z.boolean() });
export type DeleteFolderResponse = z.infer<typeof deleteFolderResponseSchema>;
