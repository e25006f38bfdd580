/**
 * The sealed envelope on the wire (format v2) and what is inside it. Everything here is untrusted input:
 * the relay (or anyone who controls it) can hand us any bytes (S6), so every field is validated with zod.
 *
 * Wire form: the JSON text of `{ v: 2, address, enc, ct }`, at most 64 KiB. Only the address travels in
 * clear: who it is from and for (handle and key fingerprints), which the relay knows anyway as poster and
 * recipient, and the HPKE suite (issue 16: `xwing` to a recipient whose pinned bundle has an X-Wing key,
 * else `x25519`); it is the HPKE associated data. `enc` is the HPKE encapsulated key and `ct` the HPKE
 * ciphertext of `Ed25519 signature (64) ‖ u32be length ‖ sealed header JSON ‖ UTF-8 JSON body`: the kind,
 * share id, the owner's item id, the edit count and the times are inside (T07). The signature covers the
 * whole header, address and sealed part together, with the body.
 */
import { z } from 'zod';
import { itemContentSchema } from '../../vault/model/item-schema';
import { permissionSchema } from '../../vault/model/share-permission';
import { base64Bytes, handleSchema } from '../../relay-protocol/identity-bundle';
import { MAX_ENVELOPE_BYTES } from '../../relay-protocol/relay-limits';

/** Largest serialised envelope, in bytes (our text is ASCII, so also in characters): the relay's limit. */
export { MAX_ENVELOPE_BYTES };

/**
 * What an envelope asks for. Offers, updates and revokes come from a share's owner; receipts, declines and
 * edit proposals from its recipient; `folder-key` carries a shared folder's key from a manager to a member
 * (issue 13: lib/folders decides whether it counts; sharing's share logic never takes it).
 */
export const envelopeKindSchema = z.enum(['share-offer', 'share-update', 'share-revoke', 'edit-proposal', 'receipt', 'share-decline', 'folder-key']);
export type EnvelopeKind = z.infer<typeof envelopeKindSchema>;

const time = z.number().int().nonnegative();

/** The envelope format this code seals and the only one it opens (T11). */
export const ENVELOPE_FORMAT = 2;

/**
 * The HPKE suite, named in the signed header and bound as aad (DESIGN §12): mode_base with HKDF-SHA256 and
 * ChaCha20Poly1305 over `x25519` = DHKEM(X25519, HKDF-SHA256), KEM 0x0020, or `xwing` = X-Wing
 * (ML-KEM-768 + X25519), KEM 0x647a. To a recipient with an X-Wing key only `xwing` (T27).
 */
export const envelopeSuiteSchema = z.enum(['x25519', 'xwing']);
export type EnvelopeSuite = z.infer<typeof envelopeSuiteSchema>;

/** Length of `enc` per suite in bytes: 32 (X25519 public key), 1,120 (X-Wing ciphertext). */
export const ENC_BYTES: Record<EnvelopeSuite, number> = { x25519: 32, xwing: 1120 };
/** The same in base64 characters; a few other byte lengths share it, so decryptEnvelope checks the bytes. */
const encTextLength = (suite: EnvelopeSuite) => 4 * Math.ceil(ENC_BYTES[suite] / 3);

/**
 * The whole header as the sender signed it (T02, T03): the clear address and the sealed fields. Opening
 * puts it back together; the rest of lib/sharing sees only this.
 */
export const envelopeHeaderSchema = z
  .object({
    v: z.literal(ENVELOPE_FORMAT),
    suite: envelopeSuiteSchema,
    kind: envelopeKindSchema,
    sender: z.object({ handle: handleSchema, fingerprint: base64Bytes(32) }).strict(),
    recipient: z.object({ fingerprint: base64Bytes(32) }).strict(),
    /** 16 random bytes, base64; opaque to the relay. */
    shareId: base64Bytes(16),
    /** The owner's item id. */
    itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /**
     * The sender's sequence number within this share, from 1: the owner's offer is 1 and each update or
     * revoke adds 1; the recipient's receipts, declines and edit proposals count on their own from 1 (T04).
     */
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** When the sender made it, ms since epoch. */
    created: time,
    /** After this (ms since epoch) the relay drops it undelivered; for offers and updates also the share's end. */
    expiresAt: time.optional(),
  })
  .strict();
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

/** The clear part: whom it is from and for, and the suite, to find the pinned sender and key before opening; bound as HPKE aad. */
export const envelopeAddressSchema = envelopeHeaderSchema.pick({ sender: true, recipient: true, suite: true });
export type EnvelopeAddress = z.infer<typeof envelopeAddressSchema>;

/** The header fields sealed inside, out of the relay's sight (T07). */
export const sealedHeaderSchema = envelopeHeaderSchema.omit({ v: true, sender: true, recipient: true, suite: true });
export type SealedHeader = z.infer<typeof sealedHeaderSchema>;

const offerFields = {
  item: itemContentSchema,
  permission: permissionSchema,
  /** When the recipient's copy must be deleted (ms since epoch), or null for no expiry. */
  expiresAt: time.nullable(),
};

/** The signed, encrypted body; its `kind` must equal the header's. */
export const envelopeBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share-offer'), ...offerFields }).strict(),
  z.object({ kind: z.literal('share-update'), ...offerFields }).strict(),
  z.object({ kind: z.literal('share-revoke') }).strict(),
  z.object({ kind: z.literal('edit-proposal'), item: itemContentSchema, baseVersion: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('receipt'), event: z.enum(['delivered', 'accepted', 'declined', 'opened']), at: time }).strict(),
  z.object({ kind: z.literal('share-decline') }).strict(),
  /**
   * A shared folder's key for one epoch (issue 13). The header's share id is the folder id's 16 bytes in
   * standard base64, its item id `folder` and its version the epoch (envelope-consistent checks all three),
   * so the signature binds folder and epoch (T03).
   */
  z
    .object({
      kind: z.literal('folder-key'),
      /** The folder id: 16 bytes, base64url without padding. */
      folderId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
      epoch: z.number().int().min(1).max(1_000_000),
      /** FK of that epoch, 32 bytes. */
      key: base64Bytes(32),
      /** Hash of the folder log's entry 1, 32 bytes. */
      genesis: base64Bytes(32),
      /** The sender's log head when sealing. */
      head: z.object({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), hash: base64Bytes(32) }).strict(),
      /** The folder's name, for the member's list until they read the folder's own. */
      name: z.string().max(200),
    })
    .strict(),
]);
export type EnvelopeBody = z.output<typeof envelopeBodySchema>;
export type EnvelopeBodyInput = z.input<typeof envelopeBodySchema>;

/** The serialised envelope as the relay carries it. */
export const envelopeSchema = z
  .object({
    v: z.literal(ENVELOPE_FORMAT),
    address: envelopeAddressSchema,
    /** HPKE `enc`, base64: 32 bytes for `x25519`, 1,120 for `xwing` (checked against the suite below). */
    enc: z.union([base64Bytes(32), base64Bytes(1120)]),
    /** HPKE ciphertext, base64. */
    ct: z.string().min(1).max(MAX_ENVELOPE_BYTES),
  })
  .strict()
  // An encapsulation of the other suite's size is malformed before any key is touched (T11).
  .refine((envelope) => envelope.enc.length === encTextLength(envelope.address.suite));

/** An envelope that opened and verified: header and body as the pinned sender signed them. */
export interface OpenedEnvelope {
  header: EnvelopeHeader;
  body: EnvelopeBody;
}
