/**
 * Wire schemas of one-time links and secret requests (issue 14, DESIGN §11). The relay keeps a link's id,
 * a hash of its access token, the sealed content, its expiry and views left, and the public key that
 * checks "opened" proofs; a request's id, a hash of its answer token and its sealed, signed descriptor.
 * It never sees a secret, a key, a label or a plaintext (T25, T26).
 */
import { z } from 'zod';
import { envelopeTextSchema } from './envelope-schemas';
import { base64Bytes } from './identity-bundle';

/** Unpadded base64url of exactly `length` bytes (RFC 4648 §5). */
export const base64UrlBytes = (length: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((length * 4) / 3)}}$`), 'not base64url');

/** Most views a link may allow. */
export const LINK_MAX_VIEWS = 100;
/** Longest a link or a request may live, ms (30 days). */
export const LINK_MAX_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Most answers a request may take. */
export const REQUEST_MAX_ANSWERS = 20;

/** A link or request id: 16 bytes derived from its secret, base64url (22 characters). */
export const linkIdSchema = base64UrlBytes(16);
/** An access or answer token: 32 bytes derived from the secret, base64url (43 characters). */
export const tokenSchema = base64UrlBytes(32);
/** SHA-256 of a token, base64url: what the relay stores instead of the token. */
export const tokenHashSchema = base64UrlBytes(32);
const time = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A link's state as the relay sees it; `spent` once its last view went, its content then deleted. */
export const linkStateSchema = z.enum(['active', 'spent', 'expired', 'revoked']);
export type LinkState = z.infer<typeof linkStateSchema>;

/** POST /v1/links (signed). */
export const createLinkRequestSchema = z
  .object({
    id: linkIdSchema,
    tokenHash: tokenHashSchema,
    /** Ed25519 public key (32 bytes, base64) whose secret half is inside the content: it signs "opened" proofs. */
    receiptKey: base64Bytes(32),
    expiresAt: time,
    maxViews: z.number().int().min(1).max(LINK_MAX_VIEWS),
    /** Whether a passphrase is mixed into the key; also bound into the content's associated data. */
    passphrase: z.boolean(),
    /** The sealed content (JSON text of `{ v, alg, nonce, ct }`), at most 64 KiB. */
    content: envelopeTextSchema,
  })
  .strict();
export type CreateLinkRequest = z.infer<typeof createLinkRequestSchema>;

/** GET /v1/links/:id (public). `expiresAt` and `maxViews` are as created; the page binds them into the associated data. */
export const linkMetaSchema = z.object({
  id: linkIdSchema,
  state: linkStateSchema,
  expiresAt: time,
  maxViews: z.number().int().min(1).max(LINK_MAX_VIEWS),
  viewsLeft: z.number().int().min(0).max(LINK_MAX_VIEWS),
  passphrase: z.boolean(),
  receiptKey: base64Bytes(32),
});
export type LinkMeta = z.infer<typeof linkMetaSchema>;

/** POST /v1/links/:id/reveal (public): spends one view. */
export const revealRequestSchema = z.object({ token: tokenSchema }).strict();
export const revealResponseSchema = z.object({ content: envelopeTextSchema, viewsLeft: z.number().int().min(0).max(LINK_MAX_VIEWS) });
export type RevealResponse = z.infer<typeof revealResponseSchema>;

/** An "opened" proof: Ed25519 by the content's receipt key over the link id, a fresh nonce and the time. */
export const openedProofSchema = z
  .object({
    /** 16 random bytes, base64url, chosen by the page. */
    nonce: base64UrlBytes(16),
    /** When the page decrypted, ms since the epoch (its clock). */
    at: time,
    /** 64-byte signature, base64. */
    proof: base64Bytes(64),
  })
  .strict();
export type OpenedProof = z.infer<typeof openedProofSchema>;
export const openedResponseSchema = z.object({ recorded: z.boolean() });

/** One of the owner's links, with the proofs pages posted. */
export const ownedLinkSchema = z.object({
  id: linkIdSchema,
  state: linkStateSchema,
  expiresAt: time,
  maxViews: z.number().int().min(1).max(LINK_MAX_VIEWS),
  viewsLeft: z.number().int().min(0).max(LINK_MAX_VIEWS),
  createdAt: time,
  revokedAt: time.nullable(),
  opens: z.array(openedProofSchema).max(LINK_MAX_VIEWS),
});
export type OwnedLink = z.infer<typeof ownedLinkSchema>;
export const ownedLinksResponseSchema = z.object({ links: z.array(ownedLinkSchema) });

/** POST /v1/links/revoke and /v1/requests/revoke (signed). */
export const revokeLinkRequestSchema = z.object({ id: linkIdSchema }).strict();
export const revokeLinkResponseSchema = z.object({ revoked: z.boolean() });

/** A request's state as the relay sees it; `answered` once it took as many answers as allowed. */
export const requestStateSchema = z.enum(['active', 'answered', 'expired', 'revoked']);

/** POST /v1/requests (signed). */
export const createSecretRequestSchema = z
  .object({
    id: linkIdSchema,
    tokenHash: tokenHashSchema,
    expiresAt: time,
    maxAnswers: z.number().int().min(1).max(REQUEST_MAX_ANSWERS),
    /** The descriptor (label, the request's public key, the owner's keys) signed by the owner and sealed under a key from the secret. */
    descriptor: envelopeTextSchema,
  })
  .strict();
export type CreateSecretRequest = z.infer<typeof createSecretRequestSchema>;

/** GET /v1/requests/:id (public). */
export const requestMetaSchema = z.object({
  id: linkIdSchema,
  state: requestStateSchema,
  expiresAt: time,
  maxAnswers: z.number().int().min(1).max(REQUEST_MAX_ANSWERS),
  answersLeft: z.number().int().min(0).max(REQUEST_MAX_ANSWERS),
  /** Null once the request is answered as often as allowed, revoked or expired: nothing more may be sent. */
  descriptor: envelopeTextSchema.nullable(),
});
export type RequestMeta = z.infer<typeof requestMetaSchema>;

/** POST /v1/requests/:id/answers (public): the answer token proves the secret, for this request only (T26). */
export const postAnswerRequestSchema = z.object({ token: tokenSchema, answer: envelopeTextSchema }).strict();
export const postAnswerResponseSchema = z.object({ id: z.number().int().positive() });

/** GET /v1/requests (signed): the owner's requests and the answers waiting for them. */
export const ownedRequestsResponseSchema = z.object({
  requests: z.array(
    z.object({
      id: linkIdSchema,
      state: requestStateSchema,
      expiresAt: time,
      maxAnswers: z.number().int().min(1).max(REQUEST_MAX_ANSWERS),
      answersLeft: z.number().int().min(0).max(REQUEST_MAX_ANSWERS),
      createdAt: time,
      revokedAt: time.nullable(),
    }),
  ),
  answers: z.array(z.object({ id: z.number().int().positive(), requestId: linkIdSchema, receivedAt: time, answer: z.string() })),
});
export type OwnedRequests = z.infer<typeof ownedRequestsResponseSchema>;

/** POST /v1/requests/answers/ack (signed). */
export const ackAnswersRequestSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict();
export const ackAnswersResponseSchema = z.object({ deleted: z.number().int().nonnegative() });
