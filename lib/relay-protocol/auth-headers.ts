/**
 * The headers that authenticate a relay request (protocol v1), and the checks on their values: either
 * signed with the identity's Ed25519 key (handle, time, nonce, signature) or, inside a session opened that
 * way, with an HMAC under the session key (session, time, nonce, mac).
 */
import { z } from 'zod';
import { base64Bytes, handleSchema } from './identity-bundle';
import { sessionIdSchema } from './session-schemas';

/** Header names, as sent; HTTP header names are case-insensitive, so the relay reads them in any case. */
export const AUTH_HEADERS = {
  handle: 'Sealpass-Handle',
  time: 'Sealpass-Time',
  nonce: 'Sealpass-Nonce',
  signature: 'Sealpass-Signature',
  session: 'Sealpass-Session',
  mac: 'Sealpass-Mac',
} as const;

/** Nonce: 16 random bytes as 32 lowercase hex digits; unique per request and signer. */
export const nonceSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a nonce is 32 lowercase hex digits');

/** Time: ms since the Unix epoch as decimal digits (at most 15, so it stays a safe integer). */
export const signedTimeSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,14})$/, 'time is ms since the epoch in decimal')
  .transform(Number);

export const authHeadersSchema = z.object({
  handle: handleSchema,
  time: signedTimeSchema,
  nonce: nonceSchema,
  /** Ed25519 signature over the request's signing input, 64 bytes as base64. */
  signature: base64Bytes(64),
});

/** Parsed authentication headers of one request signed with the identity key. */
export type AuthHeaders = z.infer<typeof authHeadersSchema>;

export const sessionAuthHeadersSchema = z.object({
  session: sessionIdSchema,
  time: signedTimeSchema,
  nonce: nonceSchema,
  /** HMAC-SHA256 under the session key over the request's session input, 32 bytes as base64. */
  mac: base64Bytes(32),
});

/** Parsed authentication headers of one request inside a session. */
export type SessionAuthHeaders = z.infer<typeof sessionAuthHeadersSchema>;
