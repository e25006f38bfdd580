/**
 * Messages of one-time links and secret requests (issue 14). The owner's side (create, list, revoke, the
 * answers in the inbox) needs the unlocked vault; the recipient's side (inspect, reveal, answer a link
 * someone sent) runs in the background for the extension's own link page and needs no key of the vault.
 * A link's URL carries its secret: it goes to the page that asked to create or copy it, nowhere else.
 */
import { z } from 'zod';
import { message, pages } from '../messaging/define-message';
import { LINK_MAX_VIEWS, REQUEST_MAX_ANSWERS } from '../relay-protocol/link-schemas';
import { itemFieldChoiceSchema, linkFieldSchema, MAX_ANSWER_FIELD, MAX_LINK_FIELD, MAX_REQUEST_LABEL } from './link-field';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const time = z.number().int().nonnegative();
const url = z.string().min(1).max(2_048);

/** How long a link or request lives: 1 hour … 30 days (issue 14). */
export const linkExpirySchema = z.enum(['1h', '1d', '7d', '30d']);
export type LinkExpiry = z.infer<typeof linkExpirySchema>;

const linkSummary = z.object({
  id,
  title: z.string(),
  fields: z.array(z.string()),
  createdAt: time,
  expiresAt: time,
  maxViews: z.number().int(),
  viewsLeft: z.number().int(),
  passphrase: z.boolean(),
  state: z.enum(['active', 'spent', 'expired', 'revoked']),
  /** When each proven opening happened, by the opening page's clock. */
  openedAt: z.array(time),
});

const requestSummary = z.object({
  id,
  label: z.string(),
  createdAt: time,
  expiresAt: time,
  maxAnswers: z.number().int(),
  answersLeft: z.number().int(),
  received: z.number().int(),
  state: z.enum(['active', 'answered', 'expired', 'revoked']),
});

const answerEntry = z.object({ id, label: z.string(), receivedAt: time, hasUsername: z.boolean(), hasPassword: z.boolean(), url: z.string() });
const answerValues = z.object({ username: z.string(), password: z.string(), url: z.string(), note: z.string() });

/** The links feature's messages, spread into the protocol map. */
export const linksMessages = {
  /** Seals an item's chosen values, or a free text, into a one-time link on the identity's relay. */
  linkCreate: message(
    z
      .object({
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('item'), itemId: id, fields: z.array(itemFieldChoiceSchema).min(1).max(6) }).strict(),
          z.object({ kind: z.literal('text'), title: z.string().max(200), text: z.string().min(1).max(MAX_LINK_FIELD) }).strict(),
        ]),
        expiry: linkExpirySchema,
        maxViews: z.number().int().min(1).max(LINK_MAX_VIEWS),
        /** Empty for none. */
        passphrase: z.string().max(1_000),
      })
      .strict(),
    z.object({ id, url, expiresAt: time }),
    pages,
  ),
  /** The owner's links with the relay's latest report (views left, proven openings). */
  linkList: message(empty, z.object({ links: z.array(linkSummary), damaged: z.number().int(), relayError: z.string().nullable() }), pages),
  linkRevoke: message(z.object({ id }).strict(), empty, pages),
  /** The URL of one of the owner's links or requests again, to copy. */
  linkCopyUrl: message(z.object({ id, kind: z.enum(['link', 'request']) }).strict(), z.object({ url }), pages),

  requestCreate: message(
    z.object({ label: z.string().trim().min(1).max(MAX_REQUEST_LABEL), expiry: linkExpirySchema, maxAnswers: z.number().int().min(1).max(REQUEST_MAX_ANSWERS) }).strict(),
    z.object({ id, url, expiresAt: time }),
    pages,
  ),
  /** The owner's requests, and the answers waiting in the inbox (collected from the relay unless `offline`). */
  requestList: message(
    z.object({ offline: z.boolean().optional() }).strict(),
    z.object({ requests: z.array(requestSummary), answers: z.array(answerEntry), damaged: z.number().int(), relayError: z.string().nullable() }),
    pages,
  ),
  requestRevoke: message(z.object({ id }).strict(), empty, pages),
  /** One answer's values, to look at before accepting it. */
  answerGet: message(z.object({ id }).strict(), z.object({ label: z.string(), receivedAt: time, answer: answerValues }), pages),
  /** Saves an answer as an item; the record and the relay's copy go. */
  answerAccept: message(z.object({ id, title: z.string().max(200) }).strict(), z.object({ itemId: id }), pages),
  answerDecline: message(z.object({ id }).strict(), empty, pages),

  /** A link someone sent: its state (nothing spent) or, for a request, who asks and their safety code. */
  linkInspect: message(
    z.object({ url }).strict(),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('link'), relayOrigin: z.string(), state: z.enum(['active', 'spent', 'expired', 'revoked']), expiresAt: time, viewsLeft: z.number().int(), maxViews: z.number().int(), passphrase: z.boolean() }),
      z.object({ kind: z.literal('request'), relayOrigin: z.string(), state: z.enum(['active', 'answered', 'expired', 'revoked']), label: z.string(), owner: z.string(), safetyCode: z.string(), expiresAt: time }),
    ]),
    pages,
  ),
  /** Spends one view of a link someone sent and returns its values. */
  linkReveal: message(z.object({ url, passphrase: z.string().max(1_000) }).strict(), z.object({ title: z.string(), fields: z.array(linkFieldSchema), viewsLeft: z.number().int() }), pages),
  /** Seals an answer to a request someone sent, to their request key. */
  requestAnswer: message(
    z.object({ url, answer: z.object({ username: z.string().max(MAX_ANSWER_FIELD), password: z.string().max(MAX_ANSWER_FIELD), url: z.string().max(MAX_ANSWER_FIELD), note: z.string().max(MAX_ANSWER_FIELD) }).strict() }).strict(),
    z.object({ owner: z.string() }),
    pages,
  ),
} as const;
