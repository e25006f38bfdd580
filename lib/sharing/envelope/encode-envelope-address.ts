/**
 * The canonical bytes of an envelope's clear address (with the suite), the HPKE associated data: a domain label and every
 * field in a fixed order, each length-prefixed. Base64 fields are taken as their exact text, so another
 * spelling of the same bytes is another address.
 */
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { ENVELOPE_FORMAT, type EnvelopeAddress } from './envelope-schema';

/** @returns the length-prefixed encoding; about 150 bytes */
export function encodeEnvelopeAddress(address: EnvelopeAddress): Uint8Array {
  return encodeLengthPrefixed([
    'sealpass/v2/envelope-address',
    String(ENVELOPE_FORMAT),
    address.suite,
    address.sender.handle,
    address.sender.fingerprint,
    address.recipient.fingerprint,
  ]);
}
