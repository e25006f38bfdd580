/**
 * The relay's routes (v1), shared so the client and the server cannot disagree on a path: a signature
 * covers the path, so a one-character difference would be a refused request rather than a 404.
 */

/** Path of the health check. */
export const HEALTH_PATH = '/v1/health';
/** Path for registering an identity bundle (POST). */
export const IDENTITIES_PATH = '/v1/identities';
/** Path for posting envelopes to one or more mailboxes (POST). */
export const ENVELOPES_PATH = '/v1/envelopes';
/** Path for listing one's own mailbox (GET, query `after` and `limit`). */
export const MAILBOX_PATH = '/v1/mailbox';
/** Path for acknowledging (deleting) delivered envelopes (POST). */
export const MAILBOX_ACK_PATH = '/v1/mailbox/ack';

/** Path of one identity bundle (GET); handles need no escaping (lowercase letters, digits, `.`, `-`, `_`). */
export const identityPath = (handle: string) => `${IDENTITIES_PATH}/${handle}`;
/** Path for revoking a share (POST); the share id is in the body, as base64 ids do not fit in a path. */
export const REVOKE_PATH = '/v1/shares/revoke';
/** Path for opening a session (POST, signed with the identity key). */
export const SESSIONS_PATH = '/v1/sessions';
/** Path for revoking sessions (POST, signed with the identity key). */
export const SESSION_REVOKE_PATH = '/v1/sessions/revoke';

/** Shared folders (issue 13). POST: create a folder with its first log entry. Folder ids are base64url (no escaping). */
export const FOLDERS_PATH = '/v1/folders';
/** POST: append a log entry (compare-and-swap on its seq). GET (query `after`, `limit`): the log, in seq order. */
export const folderLogPath = (folderId: string) => `${FOLDERS_PATH}/${folderId}/log`;
/** POST: post a message (idempotent by its id). GET (query `after`, `limit`): messages, in seq order. */
export const folderMessagesPath = (folderId: string) => `${FOLDERS_PATH}/${folderId}/messages`;
/** POST: post up to 100 messages at once, stored all or none, with consecutive seqs in request order. */
export const folderMessageBatchPath = (folderId: string) => `${FOLDERS_PATH}/${folderId}/messages/batch`;
/** POST: delete the folder (a manager on the relay's access list). */
export const folderDeletePath = (folderId: string) => `${FOLDERS_PATH}/${folderId}/delete`;
