/** Authenticates one relay request inside a session: the `Sealpass-Session`, `-Time`, `-Nonce` and `-Mac` headers. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { toBase64 } from '../crypto/base64';
import { randomBytes } from '../crypto/random-bytes';
import { AUTH_HEADERS } from './auth-headers';
import { sessionRequestInput } from './session-request-input';
import type { UnsignedRequest } from './sign-request';

/** An open session as the client holds it. */
export interface RelaySession {
  id: string;
  /** The 32-byte HMAC key (session-key.ts); wiped when the session ends. */
  key: Uint8Array;
  /** ms since the epoch, relay clock. */
  expiresAt: number;
}

/**
 * @param request - method, path with query, and the exact body bytes that will be sent
 * @param now - the client's clock corrected to the relay's, ms since the epoch
 * @param nonce - 32 lowercase hex digits, unique per request; 16 fresh random bytes by default
 * @returns the four headers, the MAC as base64 (32 bytes)
 * @example const headers = macRequest({ method: 'GET', pathAndQuery: '/v1/mailbox', body: new Uint8Array() }, session, Date.now());
 */
export function macRequest(request: UnsignedRequest, session: RelaySession, now: number, nonce: string = bytesToHex(randomBytes(16))): Record<string, string> {
  const time = Math.floor(now);
  const input = sessionRequestInput({ method: request.method, pathAndQuery: request.pathAndQuery, bodyHash: sha256(request.body), session: session.id, time, nonce });
  return {
    [AUTH_HEADERS.session]: session.id,
    [AUTH_HEADERS.time]: String(time),
    [AUTH_HEADERS.nonce]: nonce,
    [AUTH_HEADERS.mac]: toBase64(hmac(sha256, session.key, input)),
  };
}
