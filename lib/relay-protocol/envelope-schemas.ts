/**
 * Wire schemas for posting envelopes, listing a mailbox and acknowledging delivery (protocol v1). The
 * relay treats share ids and envelopes as opaque: it checks their shape and size, never their content.
 */
import { z } from 'zod';
import { handleSchema } from './identity-bundle';
import { MAX_ACK_IDS, MAX_BATCH, MAX_ENVELOPE_BYTES, MAX_LIST_LIMIT } from './relay-limits';

/** Marks the issue the relay answers with 413 rather than 400. */
export const ENVELOPE_TOO_LARGE = 'envelope-too-large';

/**
 * A share id chosen by its poster, opaque to the relay: 16–64 characters of base64 or base64url (lib/sharing's
 * newShareId gives 24 of base64) or a UUID. It travels in JSON bodies only, never in a path.
 */
export const shareIdSchema = z.string().regex(/^[A-Za-z0-9+/=_-]{16,64}$/, 'a share id is 16–64 characters of base64, base64url or a UUID');

const utf8 = new TextEncoder();

/** An opaque sealed envelope: any non-empty text of at most 64 KiB in UTF-8. */
export const envelopeTextSchema = z
  .string()
  .min(1)
  // A UTF-8 character is at most 3 bytes per UTF-16 unit, so short strings skip the encoding.
  .refine((text) => text.length * 3 <= MAX_ENVELOPE_BYTES || (text.length <= MAX_ENVELOPE_BYTES && utf8.encode(text).length <= MAX_ENVELOPE_BYTES), {
    message: `an envelope is at most ${MAX_ENVELOPE_BYTES} bytes`,
    params: { code: ENVELOPE_TOO_LARGE },
  });

/** Envelope ids: positive integers, increasing in the order envelopes were stored. */
export const envelopeIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const newEnvelopeSchema = z
  .object({
    to: handleSchema,
    shareId: shareIdSchema,
    /** When the relay drops it undelivered, ms since the epoch; at most 90 days ahead, 90 days by default. */
    expiresAt: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    envelope: envelopeTextSchema,
  })
  .strict();
export type NewEnvelope = z.infer<typeof newEnvelopeSchema>;

/**
 * A post id, chosen by the poster: 16–64 characters of base64url. The relay stores a poster's envelope
 * with a given id once, so a post retried after a timeout is not delivered twice (relay-client derives it
 * from the envelope, post-id-of.ts).
 */
export const postIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a post id is 16–64 characters of base64url');

/** An envelope as posted: with its post id. */
export const postedEnvelopeSchema = newEnvelopeSchema.extend({ id: postIdSchema }).strict();
export type PostedEnvelope = z.infer<typeof postedEnvelopeSchema>;

/**
 * POST /v1/envelopes: one authenticated call for up to 100 envelopes, stored all together or not at all;
 * envelopes whose post id the poster used before are not stored again, and answer with their first id.
 */
export const postEnvelopesRequestSchema = z.object({ envelopes: z.array(postedEnvelopeSchema).min(1).max(MAX_BATCH) }).strict();
export type PostEnvelopesRequest = z.infer<typeof postEnvelopesRequestSchema>;

/** The stored envelopes' ids, in request order. */
export const postEnvelopesResponseSchema = z.object({ ids: z.array(envelopeIdSchema) });
export type PostEnvelopesResponse = z.infer<typeof postEnvelopesResponseSchema>;

/** GET /v1/mailbox?after=&limit= (query values are text). */
export const mailboxQuerySchema = z
  .object({
    after: z.string().regex(/^(0|[1-9][0-9]{0,15})$/).transform(Number).pipe(z.number().max(Number.MAX_SAFE_INTEGER)).optional(),
    limit: z.string().regex(/^[1-9][0-9]{0,3}$/).transform(Number).pipe(z.number().max(MAX_LIST_LIMIT)).optional(),
  })
  .strict();

export const mailboxEntrySchema = z.object({
  id: envelopeIdSchema,
  /** Who posted it, as the relay saw it: a hint only; the envelope's own signature says who sent it (T02). */
  from: handleSchema,
  /** The poster's post id: the same id twice is the same post delivered twice, to be dropped. */
  postId: postIdSchema,
  shareId: shareIdSchema,
  /** ms since the epoch, by the relay's clock. */
  postedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().positive(),
  envelope: z.string(),
});
export type MailboxEntry = z.infer<typeof mailboxEntrySchema>;

/** A page of the mailbox, oldest first; `next` is the `after` for the following page, null on the last. */
export const mailboxPageSchema = z.object({ envelopes: z.array(mailboxEntrySchema), next: envelopeIdSchema.nullable() });
export type MailboxPage = z.infer<typeof mailboxPageSchema>;

/** POST /v1/mailbox/ack: deletes delivered envelopes; ids not in the caller's mailbox are ignored. */
export const ackRequestSchema = z.object({ ids: z.array(envelopeIdSchema).min(1).max(MAX_ACK_IDS) }).strict();
export type AckRequest = z.infer<typeof ackRequestSchema>;

export const ackResponseSchema = z.object({ deleted: z.number().int().nonnegative() });
export type AckResponse = z.infer<typeof ackResponseSchema>;
