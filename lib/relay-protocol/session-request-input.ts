/**
 * The bytes a session request's HMAC covers (protocol v1): the same fields as a signed request
 * (request-signing-input), with the session id in place of the handle and another domain label, so a
 * MAC never stands for a signature or for another session's call.
 */
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';

/** Domain label, the first field of every session input. */
export const SESSION_REQUEST_LABEL = 'sealpass/v1/relay-session-request';

/** What a session MAC is computed over. */
export interface SessionRequestFields {
  /** HTTP method, e.g. `POST`; upper-cased first. */
  method: string;
  /** URL path and query exactly as sent. */
  pathAndQuery: string;
  /** SHA-256 of the raw request body (empty for GET), 32 bytes. */
  bodyHash: Uint8Array;
  session: string;
  /** ms since the epoch, a non-negative safe integer. */
  time: number;
  /** 32 lowercase hex digits. */
  nonce: string;
}

/**
 * @returns `lp(label) ‖ lp(METHOD) ‖ lp(path?query) ‖ lp(SHA-256(body)) ‖ lp(session) ‖ lp(time) ‖ lp(nonce)`
 * @throws RangeError when the time is not a non-negative safe integer or the body hash is not 32 bytes
 */
export function sessionRequestInput(fields: SessionRequestFields): Uint8Array {
  if (!Number.isSafeInteger(fields.time) || fields.time < 0) throw new RangeError('sessionRequestInput: time must be a non-negative safe integer');
  if (fields.bodyHash.length !== 32) throw new RangeError('sessionRequestInput: body hash must be 32 bytes');
  return encodeLengthPrefixed([SESSION_REQUEST_LABEL, fields.method.toUpperCase(), fields.pathAndQuery, fields.bodyHash, fields.session, String(fields.time), fields.nonce]);
}
