/**
 * Checks one relay request's signature and freshness (protocol v1). Replay (a nonce seen before) is
 * the relay's own check, against its store, after this one passes.
 */
import { fromBase64 } from '../crypto/base64';
import { verifyEd25519 } from '../crypto/verify-ed25519';
import type { AuthHeaders } from './auth-headers';
import { MAX_CLOCK_SKEW_MS } from './relay-limits';
import { requestSigningInput } from './request-signing-input';
import type { UnsignedRequest } from './sign-request';

/**
 * Strict Ed25519 verification with lib/crypto/verify-ed25519's contract: true only for a valid 64-byte
 * signature of `message` by the 32-byte `publicKey`; never throws.
 */
export type SignatureVerifier = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** Outcome of a check: fine, outside the ±5 minute window, or not signed by that key. */
export type RequestVerdict = 'ok' | 'stale' | 'bad-signature';

/**
 * Verifies a request signed with signRequest.
 * @param request - method, path with query and the raw body bytes as received
 * @param auth - the parsed `Sealpass-*` headers
 * @param signingKey - the handle's registered Ed25519 public key, 32 bytes
 * @param now - the relay's clock, ms since the epoch
 * @param verify - strict Ed25519 verification; lib/crypto's by default, a faster native one on the relay
 * @returns 'stale' when the signed time is more than 5 minutes from `now`, 'bad-signature' when the
 *   signature does not match, else 'ok'; the time is checked first so an old capture costs no verification
 */
export function verifyRequest(
  request: UnsignedRequest,
  auth: AuthHeaders,
  signingKey: Uint8Array,
  now: number,
  verify: SignatureVerifier = verifyEd25519,
): RequestVerdict {
  if (Math.abs(now - auth.time) > MAX_CLOCK_SKEW_MS) return 'stale';
  try {
    const input = requestSigningInput({ ...request, handle: auth.handle, time: auth.time, nonce: auth.nonce });
    return verify(signingKey, input, fromBase64(auth.signature)) ? 'ok' : 'bad-signature';
  } catch {
    // A non-canonical base64 signature: nothing a valid signer would send.
    return 'bad-signature';
  }
}
