/**
 * The JSON body of every refused relay request (protocol v1): a stable code, a message safe to show
 * (it never repeats request content), and the details some codes carry.
 */
import { z } from 'zod';
import { handleSchema } from './identity-bundle';

/** Each error code with the HTTP status the relay sends it with. */
export const RELAY_ERROR_STATUS = {
  'invalid-request': 400,
  'invalid-bundle': 400,
  'invalid-expiry': 400,
  'auth-missing': 401,
  'auth-invalid': 401,
  'auth-stale': 401,
  'auth-replayed': 401,
  'auth-unknown-identity': 401,
  'auth-session-expired': 401,
  // Links and requests (issue 14): a wrong access token or a proof the page did not make.
  forbidden: 403,
  'not-found': 404,
  'unknown-recipient': 404,
  'handle-taken': 409,
  // One-time links and secret requests (issue 14): spent, expired or revoked; or answered as often as allowed.
  gone: 410,
  exists: 409,
  'too-many-links': 429,
  'body-too-large': 413,
  'envelope-too-large': 413,
  'rate-limited': 429,
  'mailbox-full': 429,
  'relay-full': 429,
  // Shared folders (issue 13): a log append whose seq is not the next one (the body carries `head`).
  conflict: 409,
  'too-many-folders': 429,
  // A folder at its limit of log entries, message bytes or access-list handles.
  'folder-full': 429,
  'entry-too-large': 413,
  'message-too-large': 413,
  internal: 500,
} as const;

export type RelayErrorCode = keyof typeof RELAY_ERROR_STATUS;

export const relayErrorCodeSchema = z.enum(Object.keys(RELAY_ERROR_STATUS) as [RelayErrorCode, ...RelayErrorCode[]]);

export const relayErrorBodySchema = z.object({
  error: relayErrorCodeSchema,
  message: z.string(),
  /** mailbox-full: the recipients whose mailbox is full (unknown-recipient names none, T07). */
  recipients: z.array(handleSchema).optional(),
  /** auth-stale: the relay's clock, ms since the epoch, so a client can correct its offset and retry. */
  serverTime: z.number().int().nonnegative().optional(),
  /** conflict: the folder log's stored count (its last seq), so the client can fetch what it missed. */
  head: z.number().int().nonnegative().optional(),
});

export type RelayErrorBody = z.infer<typeof relayErrorBodySchema>;
