/**
 * A secret request's descriptor (issue 14, T26): the label, the request's own X25519 public key that
 * answers are sealed to, the owner's handle and public identity keys, expiry and answer limit. The owner
 * signs it with their identity's Ed25519 key and seals it under a key from the request secret, so the
 * relay can neither read it nor swap the key; the page shows the owner's handle and safety code. An owner
 * with an X-Wing key (identity bundle v2, issue 16) includes it, so the code the page shows is the one
 * their Settings show (the safety number covers every key); answers are still sealed to `publicKey`.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import { fromBase64 } from '../../crypto/base64';
import { encodeLengthPrefixed } from '../../crypto/encode-length-prefixed';
import { base64Bytes, handleSchema, XWING_PUBLIC_KEY_BYTES } from '../../relay-protocol/identity-bundle';
import { linkIdSchema, REQUEST_MAX_ANSWERS } from '../../relay-protocol/link-schemas';
import { MAX_REQUEST_LABEL } from '../link-field';


export const requestDescriptorSchema = z
  .object({
    v: z.literal(1),
    requestId: linkIdSchema,
    label: z.string().trim().min(1).max(MAX_REQUEST_LABEL),
    /** The request's X25519 public key (32 bytes, base64); its secret half stays in the owner's vault. */
    publicKey: base64Bytes(32),
    owner: z
      .object({
        handle: handleSchema,
        encryptionKey: base64Bytes(32),
        signingKey: base64Bytes(32),
        /** The owner's X-Wing public key (1,216 bytes, base64), when their identity has one. */
        xwingKey: base64Bytes(XWING_PUBLIC_KEY_BYTES).optional(),
      })
      .strict(),
    /** ms since the epoch. */
    created: z.number().int().nonnegative(),
    expiresAt: z.number().int().positive(),
    maxAnswers: z.number().int().min(1).max(REQUEST_MAX_ANSWERS),
  })
  .strict();
export type RequestDescriptor = z.infer<typeof requestDescriptorSchema>;

/** The signed descriptor, as sealed. */
export const signedDescriptorSchema = z.object({ descriptor: requestDescriptorSchema, signature: base64Bytes(64) }).strict();
export type SignedDescriptor = z.infer<typeof signedDescriptorSchema>;

/**
 * Every field in a fixed order, length-prefixed, keys as raw bytes:
 * `lp("sealpass/v1/secret-request") ‖ lp(v) ‖ lp(requestId) ‖ lp(label) ‖ lp(publicKey) ‖ lp(handle) ‖
 * lp(encryptionKey) ‖ lp(signingKey) ‖ lp(created) ‖ lp(expiresAt) ‖ lp(maxAnswers)`; with the owner's
 * X-Wing key, the label `sealpass/v2/secret-request` and `lp(xwingKey)` after `lp(signingKey)`, so the key
 * can be neither dropped nor added under the owner's signature.
 * @throws SyntaxError when a key is not canonical base64
 */
export function descriptorSigningBytes(d: RequestDescriptor): Uint8Array {
  return encodeLengthPrefixed([
    d.owner.xwingKey === undefined ? 'sealpass/v1/secret-request' : 'sealpass/v2/secret-request',
    String(d.v),
    d.requestId,
    d.label,
    fromBase64(d.publicKey),
    d.owner.handle,
    fromBase64(d.owner.encryptionKey),
    fromBase64(d.owner.signingKey),
    ...(d.owner.xwingKey === undefined ? [] : [fromBase64(d.owner.xwingKey)]),
    String(d.created),
    String(d.expiresAt),
    String(d.maxAnswers),
  ]);
}

/** The AEAD context of a sealed descriptor: purpose `secret-request`, the request id (S2). */
export function descriptorContext(requestId: string): CipherContext {
  return { purpose: 'secret-request', recordId: requestId, fields: 'descriptor' };
}
