/**
 * The HPKE half of opening an envelope (format v2, envelope-schema): decrypts it with my key, the clear
 * address as aad, and splits the plaintext into the signature, the header put back together from the address
 * and the sealed fields, and the body bytes. It verifies NO signature: openEnvelope does that with the pinned
 * sender's key; peekEnvelope, for a sender not pinned yet, cannot.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { openBase } from '../../crypto/hpke/open-base';
import { wipe } from '../../crypto/wipe';
import { encodeEnvelopeAddress } from './encode-envelope-address';
import { EnvelopeError } from './envelope-error';
import { ENVELOPE_INFO } from './envelope-info';
import { ENVELOPE_FORMAT, envelopeHeaderSchema, sealedHeaderSchema, type EnvelopeHeader } from './envelope-schema';
import type { Identity } from '../identity/identity';
import { keyFingerprint } from '../identity/key-fingerprint';
import type { ParsedEnvelope } from './read-envelope-address';

const decoder = new TextDecoder('utf-8', { fatal: true });
const SIGNATURE_LENGTH = 64;
/** Bytes of the sealed header's length prefix (u32 big-endian, lib/crypto/encode-length-prefixed). */
const LENGTH_PREFIX = 4;

/** What the ciphertext held; `signature` and `body` are views into the plaintext, valid until `wipe()`. */
export interface DecryptedEnvelope {
  /** Ed25519, 64 bytes, not verified yet. */
  signature: Uint8Array;
  header: EnvelopeHeader;
  /** The UTF-8 JSON body as signed. */
  body: Uint8Array;
  /** Zeroes the plaintext (signature and body with it). */
  wipe(): void;
}

/**
 * @param parsed - the envelope's clear parts (readEnvelopeAddress)
 * @param me - my identity: the address must name my key, its X25519 secret key decrypts
 * @throws EnvelopeError `malformed` (bad base64), `misaddressed` (not to my key, or "from" my own key: own data
 *   is never sealed to a public key, T06) or `unauthentic` (does not decrypt, or not of the plaintext's shape)
 */
export function decryptEnvelope(parsed: ParsedEnvelope, me: Identity): DecryptedEnvelope {
  const { address, enc, ct } = parsed;
  let encBytes: Uint8Array, ctBytes: Uint8Array;
  try {
    encBytes = fromBase64(enc);
    ctBytes = fromBase64(ct);
  } catch {
    throw new EnvelopeError('malformed');
  }
  const myFingerprint = keyFingerprint(me);
  if (address.recipient.fingerprint !== toBase64(myFingerprint) || equalBytes(fromBase64(address.sender.fingerprint), myFingerprint)) {
    throw new EnvelopeError('misaddressed');
  }
  let plaintext: Uint8Array;
  try {
    plaintext = openBase(encBytes, me.encryptionSecretKey, ENVELOPE_INFO, encodeEnvelopeAddress(address), ctBytes);
  } catch {
    throw new EnvelopeError('unauthentic');
  }
  try {
    // Anything wrong from here on was made by the holder of the sealing key, whoever that is.
    if (plaintext.length < SIGNATURE_LENGTH + LENGTH_PREFIX) throw new EnvelopeError('unauthentic');
    const sealedLength = new DataView(plaintext.buffer, plaintext.byteOffset + SIGNATURE_LENGTH, LENGTH_PREFIX).getUint32(0);
    const bodyStart = SIGNATURE_LENGTH + LENGTH_PREFIX + sealedLength;
    if (bodyStart >= plaintext.length) throw new EnvelopeError('unauthentic');
    const sealed = sealedHeaderSchema.safeParse(parseJson(plaintext.subarray(SIGNATURE_LENGTH + LENGTH_PREFIX, bodyStart)));
    const header = sealed.success ? envelopeHeaderSchema.safeParse({ v: ENVELOPE_FORMAT, ...address, ...sealed.data }) : null;
    if (!header?.success) throw new EnvelopeError('unauthentic');
    const bytes = plaintext;
    return { signature: bytes.subarray(0, SIGNATURE_LENGTH), header: header.data, body: bytes.subarray(bodyStart), wipe: () => wipe(bytes) };
  } catch (error) {
    wipe(plaintext);
    throw error;
  }
}

/** JSON of UTF-8 bytes, or undefined (which no schema accepts) when they are not. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}
