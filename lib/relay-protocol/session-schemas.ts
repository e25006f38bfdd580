/**
 * Wire schemas for relay sessions (protocol v1): a client signs one call with its identity key to open a
 * session, both sides derive the session key by X25519 (it never travels), and later calls carry an HMAC
 * under it instead of an Ed25519 signature. Revoking sessions takes the identity key again.
 */
import { z } from 'zod';
import { base64Bytes } from './identity-bundle';

/** A session id: 16 random bytes as 22 characters of unpadded base64url, chosen by the relay. */
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a session id is 22 characters of base64url');

/** POST /v1/sessions (signed with the identity key): the client's fresh X25519 public key. */
export const openSessionRequestSchema = z.object({ key: base64Bytes(32) }).strict();
export type OpenSessionRequest = z.infer<typeof openSessionRequestSchema>;

/** The session id, the relay's fresh X25519 public key and when the session ends (ms since the epoch, relay clock). */
export const openSessionResponseSchema = z.object({ session: sessionIdSchema, key: base64Bytes(32), expiresAt: z.number().int().positive() });
export type OpenSessionResponse = z.infer<typeof openSessionResponseSchema>;

/** POST /v1/sessions/revoke (signed with the identity key): one session, or every session of the identity. */
export const revokeSessionsRequestSchema = z.object({ session: sessionIdSchema.optional() }).strict();
export type RevokeSessionsRequest = z.infer<typeof revokeSessionsRequestSchema>;

export const revokeSessionsResponseSchema = z.object({ revoked: z.number().int().nonnegative() });
export type RevokeSessionsResponse = z.infer<typeof revokeSessionsResponseSchema>;
