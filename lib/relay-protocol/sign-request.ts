/** Signs one relay request (protocol v1): the four `Sealpass-*` headers for a method, path, body and time. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { toBase64 } from '../crypto/base64';
import { randomBytes } from '../crypto/random-bytes';
import { AUTH_HEADERS } from './auth-headers';
import type { RequestSigner } from './request-signer';
import { requestSigningInput } from './request-signing-input';

/** The parts of a request that its signature covers, apart from who signs and when. */
export interface UnsignedRequest {
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** URL path and query exactly as it will be sent, e.g. `/v1/mailbox?after=12`. */
  pathAndQuery: string;
  /** Raw body bytes; empty for GET. */
  body: Uint8Array;
}

/**
 * Signs a request with the signer's Ed25519 key and returns the headers to send with it.
 * @param request - method, path with query, and the exact body bytes that will be sent
 * @param signer - the identity acting
 * @param now - the signer's clock, ms since the epoch; the relay refuses it beyond ±5 minutes of its own
 * @param nonce - 32 lowercase hex digits, unique per request; 16 fresh random bytes by default
 * @returns `Sealpass-Handle`, `Sealpass-Time`, `Sealpass-Nonce` and `Sealpass-Signature` (base64, 64 bytes)
 * @throws RangeError when `now` is not a non-negative time
 * @example const headers = signRequest({ method: 'GET', pathAndQuery: '/v1/mailbox', body: new Uint8Array() }, signer, Date.now());
 */
export function signRequest(
  request: UnsignedRequest,
  signer: RequestSigner,
  now: number,
  nonce: string = bytesToHex(randomBytes(16)),
): Record<string, string> {
  const time = Math.floor(now);
  const input = requestSigningInput({ ...request, handle: signer.handle, time, nonce });
  return {
    [AUTH_HEADERS.handle]: signer.handle,
    [AUTH_HEADERS.time]: String(time),
    [AUTH_HEADERS.nonce]: nonce,
    [AUTH_HEADERS.signature]: toBase64(signer.sign(input)),
  };
}
