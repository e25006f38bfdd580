/**
 * The HPKE half of opening an envelope (format v2, envelope-schema): checks that the address names my keys
 * and the suite those keys call for, decrypts it with my key of that suite (X-Wing or X25519), the clear
 * address as aad, and splits the plaintext into the signature, the header put back together from the address
 * and the sealed fields, and the body bytes. It verifies NO signature: openEnvelope does that with the pinned
 * sender's key; peekEnvelope, for a sender not pinned yet, cannot.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { openBase } from '../../crypto/hpke/open-base';
import { X25519_KEM } from '../../crypto/hpke/x25519-kem';
import { XWING_KEM } from '../../crypto/hpke/xwing-kem';
import { wipe } from '../../crypto/wipe';
import { encodeEnvelopeAddress } from './encode-envelope-address';
import { EnvelopeError } from './envelope-error';
import { ENVELOPE_INFO } from './envelope-info';
import { ENC_BYTES, ENVELOPE_FORMAT, envelopeHeaderSchema, sealedHeaderSchema, type EnvelopeHeader, type EnvelopeSuite } from './envelope-schema';
import { bundleFingerprint } from '../identity/bundle-fingerprint';
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
 * @param me - my identity: the address must name my keys, and my secret key of the suite decrypts
 * @throws EnvelopeError `malformed` (bad base64, or an `enc` not of the suite's size), `misaddressed` (not to my keys, "from" my own key: own data
 *   is never sealed to a public key, T06; or not the suite my keys call for, T27) or `unauthentic` (does not
 *   decrypt, whatever the reason: wrong key, corrupted encapsulation or ciphertext; or not of the plaintext's shape)
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
  // Base64 text of the right length can still hold a byte more or less (1,121 bytes read as 1,496
  // characters like 1,120): no encapsulation of the wrong size reaches a KEM (T27).
  if (encBytes.length !== ENC_BYTES[address.suite]) throw new EnvelopeError('malformed');
  if (equalBytes(fromBase64(address.sender.fingerprint), keyFingerprint(me)) || address.suite !== suiteAddressed(address.recipient.fingerprint, me)) {
    throw new EnvelopeError('misaddressed');
  }
  let plaintext: Uint8Array;
  try {
    const aad = encodeEnvelopeAddress(address);
    plaintext =
      address.suite === 'xwing' && me.xwingSecretKey
        ? openBase(XWING_KEM, encBytes, me.xwingSecretKey, ENVELOPE_INFO, aad, ctBytes)
        : openBase(X25519_KEM, encBytes, me.encryptionSecretKey, ENVELOPE_INFO, aad, ctBytes);
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

/**
 * The suite an envelope to me must use, from the fingerprint its signed address names: my whole bundle's
 * (the sender had my X-Wing key pinned) calls for `xwing`, so a classic envelope naming it is a downgrade
 * (T27); my X25519 and Ed25519 keys' alone (a sender who has not seen my upgrade yet, or I have no X-Wing
 * key) call for `x25519`. Anything else is not addressed to me: null.
 */
function suiteAddressed(named: string, me: Identity): EnvelopeSuite | null {
  if (me.xwingKey && named === toBase64(bundleFingerprint(me))) return 'xwing';
  return named === toBase64(keyFingerprint(me)) ? 'x25519' : null;
}

/** JSON of UTF-8 bytes, or undefined (which no schema accepts) when they are not. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}
