/** The four headers that authenticate a relay request (protocol v1), and the checks on their values. */
import { z } from 'zod';
import { base64Bytes, handleSchema } from './identity-bundle';

/** Header names, as sent; HTTP header names are case-insensitive, so the relay reads them in any case. */
export const AUTH_HEADERS = {
  handle: 'Sealpass-Handle',
  time: 'Sealpass-Time',
  nonce: 'Sealpass-Nonce',
  signature: 'Sealpass-Signature',
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

/** Parsed authentication headers of one request. */
export type AuthHeaders = z.infer<typeof authHeadersSchema>;
