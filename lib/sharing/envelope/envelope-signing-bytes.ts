/** What the sender's Ed25519 signature inside an envelope covers: the header, the recipient's key fingerprint and the body's hash. */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';

/**
 * `lp("sealpass/v1/envelope-signature") ‖ lp(header bytes) ‖ lp(recipient fingerprint) ‖ lp(SHA-256(body bytes))`.
 * The header already names the recipient; the raw fingerprint is repeated so that the signature is
 * bound to the recipient's keys even if the header encoding ever changes (T03).
 * @param headerBytes - encodeEnvelopeHeader's output
 * @param recipientFingerprint - 32 bytes
 * @param bodyBytes - the UTF-8 JSON body exactly as sealed
 */
export function envelopeSigningBytes(headerBytes: Uint8Array, recipientFingerprint: Uint8Array, bodyBytes: Uint8Array): Uint8Array {
  return encodeLengthPrefixed(['sealpass/v1/envelope-signature', headerBytes, recipientFingerprint, sha256(bodyBytes)]);
}
