/**
 * Seals a share message to one contact (format v2, envelope-schema): HPKE (RFC 9180 mode_base, HKDF-SHA256 /
 * ChaCha20Poly1305) to the recipient's pinned key, X-Wing when their pinned bundle has one and X25519
 * otherwise (the suite named in the signed header, envelope-suite, T27), with the clear address as aad, and
 * inside it the sender's Ed25519 signature over the whole header, the recipient's fingerprint (of all the
 * keys pinned for them, so the signature says which keys it was sealed for) and the body, then the sealed
 * header fields and the body (S6, T02, T03, T07). Offers, updates, revokes, receipts and edit proposals all
 * come here.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64 } from '../../crypto/base64';
import { signEd25519 } from '../../crypto/sign-ed25519';
import { wipe } from '../../crypto/wipe';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { encodeEnvelopeAddress } from './encode-envelope-address';
import { encodeEnvelopeHeader } from './encode-envelope-header';
import { envelopeConsistent } from './envelope-consistent';
import { ENVELOPE_INFO } from './envelope-info';
import { ENVELOPE_FORMAT, envelopeBodySchema, envelopeHeaderSchema, MAX_ENVELOPE_BYTES, type EnvelopeBodyInput } from './envelope-schema';
import { envelopeSigningBytes } from './envelope-signing-bytes';
import type { Identity, PublicIdentity } from '../identity/identity';
import { bundleFingerprint } from '../identity/bundle-fingerprint';
import { keyFingerprint } from '../identity/key-fingerprint';
import { envelopeSuiteFor, sealToSuite } from './envelope-suite';

/** The per-message fields; the kind is the body's, the fingerprints come from the keys. */
export interface EnvelopeDraft {
  /** base64 of 16 bytes (newShareId). */
  shareId: string;
  itemId: string;
  /** The sender's sequence number in this share, from 1 (see envelopeHeaderSchema). */
  version: number;
  /** ms since epoch. */
  created: number;
  /** ms since epoch; for offers and updates it must equal `body.expiresAt`. */
  expiresAt?: number;
  body: EnvelopeBodyInput;
}

/**
 * @param sender - my identity (signs)
 * @param recipient - the contact's pinned public identity (sealed to); never my own (T06)
 * @param draft - header fields and body
 * @returns the serialised envelope, at most 64 KiB of ASCII, for the relay to carry (about 1.5 KB more
 *   with X-Wing: its 1,120-byte encapsulation in base64)
 * @throws ZodError for invalid fields; RangeError when header and body disagree, the recipient is me, or
 *   the envelope would exceed 64 KiB
 * @example const text = sealEnvelope(me, bob, { shareId, itemId, version: 1, created: now, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null } });
 */
export function sealEnvelope(sender: Identity, recipient: PublicIdentity, draft: EnvelopeDraft): string {
  const senderFingerprint = keyFingerprint(sender);
  const recipientFingerprint = bundleFingerprint(recipient);
  // Own data is only ever sealed symmetrically under the vault key (T06).
  if (equalBytes(senderFingerprint, keyFingerprint(recipient))) throw new RangeError('sealEnvelope: cannot seal an envelope to myself');
  const body = envelopeBodySchema.parse(draft.body);
  const header = envelopeHeaderSchema.parse({
    v: ENVELOPE_FORMAT,
    suite: envelopeSuiteFor(recipient),
    kind: body.kind,
    sender: { handle: sender.handle, fingerprint: toBase64(senderFingerprint) },
    recipient: { fingerprint: toBase64(recipientFingerprint) },
    shareId: draft.shareId,
    itemId: draft.itemId,
    version: draft.version,
    created: draft.created,
    ...(draft.expiresAt === undefined ? {} : { expiresAt: draft.expiresAt }),
  });
  if (!envelopeConsistent(header, body)) throw new RangeError('sealEnvelope: header and body disagree');
  const { v: _format, suite, sender: from, recipient: to, ...sealed } = header;
  const address = { sender: from, recipient: to, suite };
  const bodyBytes = utf8ToBytes(JSON.stringify(body));
  const signature = signEd25519(sender.signingSecretKey, envelopeSigningBytes(encodeEnvelopeHeader(header), recipientFingerprint, bodyBytes));
  const plaintext = concatBytes(signature, encodeLengthPrefixed([JSON.stringify(sealed)]), bodyBytes);
  let text: string;
  try {
    const { enc, ct } = sealToSuite(recipient, ENVELOPE_INFO, encodeEnvelopeAddress(address), plaintext);
    text = JSON.stringify({ v: ENVELOPE_FORMAT, address, enc: toBase64(enc), ct: toBase64(ct) });
  } finally {
    wipe(plaintext, bodyBytes);
  }
  if (text.length > MAX_ENVELOPE_BYTES) throw new RangeError('sealEnvelope: envelope exceeds 64 KiB');
  return text;
}
