/**
 * Opens an envelope from a pinned contact: checks that it is addressed to my keys and claims the pinned
 * sender's keys, decrypts it (HPKE, header as aad), verifies the Ed25519 signature with the PINNED
 * signing key, and validates the body and its agreement with the header (S6, T02, T03, T06).
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { openBase } from '../../crypto/hpke/open-base';
import { X25519_KEM } from '../../crypto/hpke/x25519-kem';
import { verifyEd25519 } from '../../crypto/verify-ed25519';
import { wipe } from '../../crypto/wipe';
import { encodeEnvelopeHeader } from './encode-envelope-header';
import { envelopeConsistent } from './envelope-consistent';
import { EnvelopeError } from './envelope-error';
import { ENVELOPE_INFO } from './envelope-info';
import { envelopeBodySchema, type OpenedEnvelope } from './envelope-schema';
import { envelopeSigningBytes } from './envelope-signing-bytes';
import type { Identity, PublicIdentity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';
import { readEnvelopeHeader } from './read-envelope-header';

const decoder = new TextDecoder('utf-8', { fatal: true });
const SIGNATURE_LENGTH = 64;

/**
 * @param text - the serialised envelope, untrusted
 * @param me - my identity (its X25519 secret key opens the envelope)
 * @param sender - the public identity pinned for the contact the header names (never the relay's answer)
 * @returns the authenticated header and body; what they may change is accept-incoming's decision
 * @throws EnvelopeError with reason `malformed`, `misaddressed` or `unauthentic`, and nothing else
 */
export function openEnvelope(text: unknown, me: Identity, sender: PublicIdentity): OpenedEnvelope {
  const { header, enc, ct } = readEnvelopeHeader(text);
  let encBytes: Uint8Array, ctBytes: Uint8Array;
  try {
    encBytes = fromBase64(enc);
    ctBytes = fromBase64(ct);
  } catch {
    throw new EnvelopeError('malformed');
  }
  const myFingerprint = keyFingerprint(me);
  const senderFingerprint = keyFingerprint(sender);
  if (
    header.recipient.fingerprint !== toBase64(myFingerprint) ||
    header.sender.fingerprint !== toBase64(senderFingerprint) ||
    header.sender.handle !== sender.handle ||
    // A public-key envelope "from myself" is never made by us: own data is sealed symmetrically (T06).
    equalBytes(myFingerprint, senderFingerprint)
  ) {
    throw new EnvelopeError('misaddressed');
  }
  const headerBytes = encodeEnvelopeHeader(header);
  let plaintext: Uint8Array;
  try {
    plaintext = openBase(X25519_KEM, encBytes, me.encryptionSecretKey, ENVELOPE_INFO, headerBytes, ctBytes);
  } catch {
    throw new EnvelopeError('unauthentic');
  }
  try {
    if (plaintext.length <= SIGNATURE_LENGTH) throw new EnvelopeError('unauthentic');
    const signature = plaintext.subarray(0, SIGNATURE_LENGTH);
    const bodyBytes = plaintext.subarray(SIGNATURE_LENGTH);
    if (!verifyEd25519(sender.signingKey, envelopeSigningBytes(headerBytes, myFingerprint, bodyBytes), signature)) {
      throw new EnvelopeError('unauthentic');
    }
    const body = envelopeBodySchema.safeParse(parseJson(bodyBytes));
    if (!body.success || !envelopeConsistent(header, body.data)) throw new EnvelopeError('unauthentic');
    return { header, body: body.data };
  } finally {
    wipe(plaintext);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}
