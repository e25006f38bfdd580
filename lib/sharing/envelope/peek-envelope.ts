/**
 * Reads the header of an envelope from a sender who is not pinned yet, so that an offer can wait as a request
 * (lib/sharing/sync/process-incoming, T02). Since format v2 the kind, share id and version are sealed (T07),
 * so reading them means decrypting with my key; but with no pinned key the signature cannot be checked, and
 * anyone can seal to my public key. The result is therefore NOT authenticated: it may only file, replace or
 * drop a waiting request, never change a share; the request is opened for real (openEnvelope) once the user
 * has pinned the sender. The body is not read.
 */
import type { EnvelopeHeader } from './envelope-schema';
import { decryptEnvelope } from './decrypt-envelope';
import type { Identity } from '../identity/identity';
import { readEnvelopeAddress } from './read-envelope-address';

/**
 * @param text - the serialised envelope, untrusted
 * @param me - my identity
 * @returns the header as the envelope claims it (unauthenticated)
 * @throws EnvelopeError `malformed`, `misaddressed` or `unauthentic` (as openEnvelope)
 */
export function peekEnvelope(text: unknown, me: Identity): EnvelopeHeader {
  const decrypted = decryptEnvelope(readEnvelopeAddress(text), me);
  decrypted.wipe();
  return decrypted.header;
}
