/**
 * A test-only envelope builder that skips every check sealEnvelope makes, so tests can produce exactly
 * what a malicious relay, or a broken sender, could put on the wire: any header, any sealed fields, any
 * body bytes, any signer, sealed to any key (format v2: the address in clear and as aad, the rest inside).
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';
import { encodeLengthPrefixed } from '../../lib/crypto/encode-length-prefixed';
import { sealBase } from '../../lib/crypto/hpke/seal-base';
import { X25519_KEM } from '../../lib/crypto/hpke/x25519-kem';
import { XWING_KEM } from '../../lib/crypto/hpke/xwing-kem';
import type { SigningSecretKey } from '../../lib/crypto/keys';
import { signEd25519 } from '../../lib/crypto/sign-ed25519';
import { encodeEnvelopeAddress } from '../../lib/sharing/envelope/encode-envelope-address';
import { encodeEnvelopeHeader } from '../../lib/sharing/envelope/encode-envelope-header';
import { ENVELOPE_INFO } from '../../lib/sharing/envelope/envelope-info';
import type { EnvelopeAddress, EnvelopeHeader, EnvelopeSuite } from '../../lib/sharing/envelope/envelope-schema';
import { envelopeSigningBytes } from '../../lib/sharing/envelope/envelope-signing-bytes';

export interface Craft {
  header: EnvelopeHeader;
  /** A body object (JSON-encoded) or raw body bytes. */
  body: unknown;
  /** Who signs; the signature then covers header, `signedFor` and the body bytes. */
  signer: SigningSecretKey;
  /** The key it is sealed to: X25519 (32 bytes) or X-Wing (1,216), as `kem` says. */
  sealTo: Uint8Array;
  /** The KEM it is really sealed with; by default the one the header's suite names. */
  kem?: EnvelopeSuite;
  /** The recipient fingerprint the signature covers; by default the header's. */
  signedFor?: Uint8Array;
  /** The address bound as aad; by default the header's. */
  aadHeader?: EnvelopeHeader;
  /** The sealed header fields as sent inside (any JSON); by default the header's own. */
  sealed?: unknown;
}

/** The clear part of a header. */
export function addressOf(header: EnvelopeHeader): EnvelopeAddress {
  return { sender: header.sender, recipient: header.recipient, suite: header.suite };
}

export function craftEnvelope(c: Craft): string {
  const bodyBytes = c.body instanceof Uint8Array ? c.body : utf8ToBytes(JSON.stringify(c.body));
  const aad = encodeEnvelopeAddress(addressOf(c.aadHeader ?? c.header));
  const signedFor = c.signedFor ?? fromBase64(c.header.recipient.fingerprint);
  const signature = signEd25519(c.signer, envelopeSigningBytes(encodeEnvelopeHeader(c.header), signedFor, bodyBytes));
  const { v: _format, suite: _suite, sender: _sender, recipient: _recipient, ...ownSealed } = c.header;
  const sealed = encodeLengthPrefixed([JSON.stringify(c.sealed ?? ownSealed)]);
  const plaintext = concatBytes(signature, sealed, bodyBytes);
  const { enc, ct } = (c.kem ?? c.header.suite) === 'xwing' ? sealBase(XWING_KEM, c.sealTo, ENVELOPE_INFO, aad, plaintext) : sealBase(X25519_KEM, c.sealTo, ENVELOPE_INFO, aad, plaintext);
  return JSON.stringify({ v: 2, address: addressOf(c.header), enc: toBase64(enc), ct: toBase64(ct) });
}

/** Parses a serialised envelope, applies `change` to its JSON, and serialises it again. */
export function rewrite(text: string, change: (envelope: { v: number; address: EnvelopeAddress; enc: string; ct: string }) => unknown): string {
  const envelope = JSON.parse(text);
  const result = change(envelope);
  return JSON.stringify(result === undefined ? envelope : result);
}
