/**
 * The canonical bytes of a whole envelope header (clear address with the suite, and sealed fields), inside the signed
 * bytes: a domain label and every field in a fixed order, each length-prefixed; numbers as decimal text,
 * an absent expiry as the empty field. Base64 fields are taken as their exact text, so another spelling of the same bytes is
 * another header.
 */
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import type { EnvelopeHeader } from './envelope-schema';

/** @returns the length-prefixed encoding; a few hundred bytes */
export function encodeEnvelopeHeader(header: EnvelopeHeader): Uint8Array {
  return encodeLengthPrefixed([
    'sealpass/v2/envelope-header',
    String(header.v),
    header.suite,
    header.kind,
    header.sender.handle,
    header.sender.fingerprint,
    header.recipient.fingerprint,
    header.shareId,
    header.itemId,
    String(header.version),
    String(header.created),
    header.expiresAt === undefined ? '' : String(header.expiresAt),
  ]);
}
