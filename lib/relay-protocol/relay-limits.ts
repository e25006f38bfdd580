/**
 * Limits of the relay protocol (v1) that both sides check: the client before it sends, the relay when
 * it receives. Per-deployment limits (mailbox size, request rates) are the relay's own configuration.
 */

/** Largest envelope the relay stores, in bytes of its UTF-8 encoding (64 KiB). */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/** Longest an envelope may wait in a mailbox, in ms (90 days); also the default lifetime. */
export const MAX_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

/** Most envelopes in one post ("share to 50 contacts" fits twice). */
export const MAX_BATCH = 100;

/** Largest request body the relay reads, in bytes: a full batch of the largest envelopes plus JSON framing. */
export const MAX_BODY_BYTES = MAX_BATCH * (MAX_ENVELOPE_BYTES + 1024);

/**
 * Largest body of every other call (a bundle, 500 acknowledged ids, a revoke), in bytes: the relay reads
 * no more than a route needs (S6).
 */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;

/**
 * Largest body of a call that carries one envelope-sized text (a link's sealed content, a request's
 * answer), in bytes: the envelope plus JSON framing.
 */
export const MAX_ONE_ENVELOPE_BODY_BYTES = MAX_ENVELOPE_BYTES + 1024;

/** How far a request's signed time may be from the relay's clock, either way, in ms (5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Most envelopes returned by one mailbox listing, and the default page size. */
export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 100;

/** Most envelope ids acknowledged in one call. */
export const MAX_ACK_IDS = 500;

/** How long a session lasts from its opening, in ms (1 hour); the client opens the next one itself. */
export const SESSION_LIFETIME_MS = 60 * 60 * 1000;

/** Most open sessions one identity keeps; opening one more ends the oldest. */
export const MAX_SESSIONS_PER_IDENTITY = 16;

/** Shared folders (issue 13): largest membership-log entry, in bytes of its UTF-8 text (16 KiB). */
export const MAX_FOLDER_ENTRY_BYTES = 16 * 1024;

/** Most membership-log entries one folder may hold. */
export const MAX_FOLDER_LOG_ENTRIES = 10_000;

/** Largest folder message (an item revision, a receipt, the folder's name), in bytes of its UTF-8 text (64 KiB). */
export const MAX_FOLDER_MESSAGE_BYTES = 64 * 1024;

/** Bytes of messages one folder may hold (64 MiB). */
export const MAX_FOLDER_MESSAGES_BYTES = 64 * 1024 * 1024;

/** Folders one identity may have created and not deleted. */
export const MAX_FOLDERS_PER_HANDLE = 200;

/** Handles one folder's access list may hold (the relay's, from the clients' hints). */
export const MAX_FOLDER_MEMBERS = 1000;

/** Most access-list changes (adds plus removes) one log append may carry. */
export const MAX_FOLDER_ACCESS_CHANGES = 100;

/** Most log entries or messages one folder listing returns, and the default page size. */
export const MAX_FOLDER_PAGE = 500;
export const DEFAULT_FOLDER_PAGE = 500;

/**
 * How long a deleted folder's log stays readable by its members, in ms (30 days), so a member who was
 * offline still reads the signed `delete` entry; then the purge drops every row of the folder.
 */
export const FOLDER_DELETED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Largest body of a folder call, in bytes: one message or entry (JSON text, whose quotes and backslashes
 * take two bytes each once embedded in the body's JSON string) plus framing and access hints.
 */
export const MAX_FOLDER_BODY_BYTES = 2 * MAX_FOLDER_MESSAGE_BYTES + 16 * 1024;

/**
 * Most messages in one batch post: moving 1,000 items into a folder is 10 calls, not 1,000 (the per-identity
 * rate limit is 300 calls a minute). A batch's body is read up to MAX_BODY_BYTES.
 */
export const MAX_FOLDER_BATCH = 100;
