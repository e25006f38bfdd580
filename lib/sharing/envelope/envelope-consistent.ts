/** Checks that an envelope's header and body agree, on sealing (a bug) and on opening (a forgery or a broken sender). */
import type { EnvelopeBody, EnvelopeHeader } from './envelope-schema';

/**
 * True when the body's kind is the header's, an offer or update repeats the header's expiry, and any
 * expiry lies after the creation time.
 */
export function envelopeConsistent(header: EnvelopeHeader, body: EnvelopeBody): boolean {
  if (header.kind !== body.kind) return false;
  if (header.expiresAt !== undefined && header.expiresAt <= header.created) return false;
  if (body.kind === 'share-offer' || body.kind === 'share-update') return body.expiresAt === (header.expiresAt ?? null);
  return true;
}
