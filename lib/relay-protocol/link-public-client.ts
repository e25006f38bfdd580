/**
 * The public half of the link and request routes (issue 14): what the relay's own pages and the
 * extension's link page call with nothing but the secret's derived id and tokens. Nothing here is signed.
 */
import { callLinkRoute, type LinkCallTarget } from './call-link-route';
import { linkOpenedPath, linkPath, linkRevealPath, requestAnswersPath, requestPath } from './link-paths';
import {
  linkMetaSchema,
  openedProofSchema,
  openedResponseSchema,
  postAnswerRequestSchema,
  postAnswerResponseSchema,
  requestMetaSchema,
  revealRequestSchema,
  revealResponseSchema,
  type LinkMeta,
  type OpenedProof,
  type RequestMeta,
  type RevealResponse,
} from './link-schemas';

export interface LinkPublicClient {
  /** A link's state; spends nothing. @throws RelayError refused `not-found` */
  linkMeta(id: string): Promise<LinkMeta>;
  /** Spends one view. @throws RelayError refused `forbidden` (wrong token: a wrong passphrase), `gone`, `not-found` */
  reveal(id: string, token: string): Promise<RevealResponse>;
  /** Posts the page's "opened" proof; false when the relay already had it. */
  opened(id: string, proof: OpenedProof): Promise<boolean>;
  /** A request's sealed descriptor and state. @throws RelayError refused `not-found` */
  requestMeta(id: string): Promise<RequestMeta>;
  /** Posts one sealed answer. @throws RelayError refused `forbidden` (wrong token), `gone` (answered or expired) */
  answer(id: string, token: string, answer: string): Promise<number>;
}

/**
 * @param target - the relay's origin (a page passes its own `location.origin`) and optionally a fetch
 * @example const relay = createLinkPublicClient({ baseUrl: location.origin }); await relay.linkMeta(id);
 */
export function createLinkPublicClient(target: Omit<LinkCallTarget, 'signer'>): LinkPublicClient {
  return {
    linkMeta: (id) => callLinkRoute(target, { method: 'GET', path: linkPath(id), response: linkMetaSchema }),
    reveal: (id, token) => callLinkRoute(target, { method: 'POST', path: linkRevealPath(id), body: { token }, request: revealRequestSchema, response: revealResponseSchema }),
    opened: async (id, proof) =>
      (await callLinkRoute(target, { method: 'POST', path: linkOpenedPath(id), body: proof, request: openedProofSchema, response: openedResponseSchema })).recorded,
    requestMeta: (id) => callLinkRoute(target, { method: 'GET', path: requestPath(id), response: requestMetaSchema }),
    answer: async (id, token, answer) =>
      (await callLinkRoute(target, { method: 'POST', path: requestAnswersPath(id), body: { token, answer }, request: postAnswerRequestSchema, response: postAnswerResponseSchema })).id,
  };
}
