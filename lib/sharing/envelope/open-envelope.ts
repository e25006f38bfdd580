/**
 * Opens an envelope from a pinned contact (format v2, envelope-schema): checks that its clear address is my
 * keys and the pinned sender's, decrypts it (HPKE, address as aad, decrypt-envelope), verifies the Ed25519
 * signature over the whole header with the PINNED signing key, and validates the body and its agreement with
 * the header (S6, T02, T03, T06).
 */
import { fromBase64, toBase64 } from '../../crypto/base64';
import { verifyEd25519 } from '../../crypto/verify-ed25519';
import { decryptEnvelope, parseJson } from './decrypt-envelope';
import { encodeEnvelopeHeader } from './encode-envelope-header';
import { envelopeConsistent } from './envelope-consistent';
import { EnvelopeError } from './envelope-error';
import { envelopeBodySchema, type OpenedEnvelope } from './envelope-schema';
import { envelopeSigningBytes } from './envelope-signing-bytes';
import type { Identity, PublicIdentity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';
import { readEnvelopeAddress } from './read-envelope-address';

/**
 * @param text - the serialised envelope, untrusted
 * @param me - my identity (its X-Wing or X25519 secret key, as the suite says, opens the envelope)
 * @param sender - the public identity pinned for the contact the address names (never the relay's answer)
 * @returns the authenticated header and body; what they may change is accept-incoming's decision
 * @throws EnvelopeError with reason `malformed`, `misaddressed` or `unauthentic`, and nothing else
 */
export function openEnvelope(text: unknown, me: Identity, sender: PublicIdentity): OpenedEnvelope {
  const parsed = readEnvelopeAddress(text);
  const { address } = parsed;
  if (address.sender.fingerprint !== toBase64(keyFingerprint(sender)) || address.sender.handle !== sender.handle) {
    throw new EnvelopeError('misaddressed');
  }
  const decrypted = decryptEnvelope(parsed, me);
  try {
    const { header, signature, body: bodyBytes } = decrypted;
    // Anything wrong from here on was made by the holder of the sealing key: not the pinned sender's work.
    // The recipient fingerprint as signed: decryptEnvelope checked it names my keys, and which of them.
    if (!verifyEd25519(sender.signingKey, envelopeSigningBytes(encodeEnvelopeHeader(header), fromBase64(header.recipient.fingerprint), bodyBytes), signature)) {
      throw new EnvelopeError('unauthentic');
    }
    const body = envelopeBodySchema.safeParse(parseJson(bodyBytes));
    if (!body.success || !envelopeConsistent(header, body.data)) throw new EnvelopeError('unauthentic');
    return { header, body: body.data };
  } finally {
    decrypted.wipe();
  }
}
