/**
 * The bytes a relay request signature covers (protocol v1): a domain label, then method, path with
 * query, SHA-256 of the body, handle, time and nonce, each length-prefixed (lib/crypto/
 * encode-length-prefixed), so no two different requests share an encoding and a request signature never
 * verifies as an identity-bundle or envelope signature made with the same Ed25519 key.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';

/** Domain label, the first field of every signing input. */
export const REQUEST_SIGNING_LABEL = 'sealpass/v1/relay-request';

/** What a request signature is computed over. */
export interface SignedRequestFields {
  /** HTTP method, e.g. `POST`; upper-cased before signing. */
  method: string;
  /** URL path and query exactly as sent, e.g. `/v1/mailbox?after=12`. */
  pathAndQuery: string;
  /** Raw request body; empty for GET. */
  body: Uint8Array;
  handle: string;
  /** ms since the epoch, a non-negative safe integer. */
  time: number;
  /** 32 lowercase hex digits. */
  nonce: string;
}

/**
 * Encodes the fields a request signature covers.
 * @returns `lp(label) ‖ lp(METHOD) ‖ lp(path?query) ‖ lp(SHA-256(body), 32 bytes) ‖ lp(handle) ‖ lp(time) ‖ lp(nonce)`,
 *   the time as decimal text
 * @throws RangeError when the time is not a non-negative safe integer
 * @example requestSigningInput({ method: 'GET', pathAndQuery: '/v1/mailbox', body: new Uint8Array(), handle: 'alice', time: 1, nonce })
 */
export function requestSigningInput(fields: SignedRequestFields): Uint8Array {
  if (!Number.isSafeInteger(fields.time) || fields.time < 0) throw new RangeError('requestSigningInput: time must be a non-negative safe integer');
  return encodeLengthPrefixed([
    REQUEST_SIGNING_LABEL,
    fields.method.toUpperCase(),
    fields.pathAndQuery,
    sha256(fields.body),
    fields.handle,
    String(fields.time),
    fields.nonce,
  ]);
}
