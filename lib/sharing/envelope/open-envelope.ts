/**
 * Opens an envelope from a pinned contact (format v2, envelope-schema): checks that its clear address is my
 * keys and the pinned sender's, decrypts it (HPKE, address as aad), puts the header back together from
 * the address and the sealed fields, verifies the Ed25519 signature over it with the PINNED signing key,
 * and validates the body and its agreement with the header (S6, T02, T03, T06).
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { openBase } from '../../crypto/hpke/open-base';
import { verifyEd25519 } from '../../crypto/verify-ed25519';
import { wipe } from '../../crypto/wipe';
import { encodeEnvelopeAddress } from './encode-envelope-address';
import { encodeEnvelopeHeader } from './encode-envelope-header';
import { envelopeConsistent } from './envelope-consistent';
import { EnvelopeError } from './envelope-error';
import { ENVELOPE_INFO } from './envelope-info';
import { ENVELOPE_FORMAT, envelopeBodySchema, envelopeHeaderSchema, sealedHeaderSchema, type OpenedEnvelope } from './envelope-schema';
import { envelopeSigningBytes } from './envelope-signing-bytes';
import type { Identity, PublicIdentity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';
import { readEnvelopeAddress } from './read-envelope-address';

const decoder = new TextDecoder('utf-8', { fatal: true });
const SIGNATURE_LENGTH = 64;
/** Bytes of the sealed header's length prefix (u32 big-endian, lib/crypto/encode-length-prefixed). */
const LENGTH_PREFIX = 4;

/**
 * @param text - the serialised envelope, untrusted
 * @param me - my identity (its X25519 secret key opens the envelope)
 * @param sender - the public identity pinned for the contact the address names (never the relay's answer)
 * @returns the authenticated header and body; what they may change is accept-incoming's decision
 * @throws EnvelopeError with reason `malformed`, `misaddressed` or `unauthentic`, and nothing else
 */
export function openEnvelope(text: unknown, me: Identity, sender: PublicIdentity): OpenedEnvelope {
  const { address, enc, ct } = readEnvelopeAddress(text);
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
    address.recipient.fingerprint !== toBase64(myFingerprint) ||
    address.sender.fingerprint !== toBase64(senderFingerprint) ||
    address.sender.handle !== sender.handle ||
    // A public-key envelope "from myself" is never made by us: own data is sealed symmetrically (T06).
    equalBytes(myFingerprint, senderFingerprint)
  ) {
    throw new EnvelopeError('misaddressed');
  }
  let plaintext: Uint8Array;
  try {
    plaintext = openBase(encBytes, me.encryptionSecretKey, ENVELOPE_INFO, encodeEnvelopeAddress(address), ctBytes);
  } catch {
    throw new EnvelopeError('unauthentic');
  }
  try {
    // Anything wrong from here on was made by the holder of the sealing key: not the pinned sender's work.
    const unauthentic = () => new EnvelopeError('unauthentic');
    if (plaintext.length < SIGNATURE_LENGTH + LENGTH_PREFIX) throw unauthentic();
    const signature = plaintext.subarray(0, SIGNATURE_LENGTH);
    const sealedLength = new DataView(plaintext.buffer, plaintext.byteOffset + SIGNATURE_LENGTH, LENGTH_PREFIX).getUint32(0);
    const bodyStart = SIGNATURE_LENGTH + LENGTH_PREFIX + sealedLength;
    if (bodyStart >= plaintext.length) throw unauthentic();
    const sealed = sealedHeaderSchema.safeParse(parseJson(plaintext.subarray(SIGNATURE_LENGTH + LENGTH_PREFIX, bodyStart)));
    const header = sealed.success ? envelopeHeaderSchema.safeParse({ v: ENVELOPE_FORMAT, ...address, ...sealed.data }) : null;
    if (!header?.success) throw unauthentic();
    const bodyBytes = plaintext.subarray(bodyStart);
    if (!verifyEd25519(sender.signingKey, envelopeSigningBytes(encodeEnvelopeHeader(header.data), myFingerprint, bodyBytes), signature)) throw unauthentic();
    const body = envelopeBodySchema.safeParse(parseJson(bodyBytes));
    if (!body.success || !envelopeConsistent(header.data, body.data)) throw unauthentic();
    return { header: header.data, body: body.data };
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
