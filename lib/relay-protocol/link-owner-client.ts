/**
 * The owner's half of the link and request routes (issue 14): create, list and revoke links and requests,
 * collect answers. Every call is signed by the owner's identity, like every call that acts for someone.
 */
import { callLinkRoute, type LinkCallTarget } from './call-link-route';
import { LINK_REVOKE_PATH, LINKS_PATH, REQUEST_ANSWERS_ACK_PATH, REQUEST_REVOKE_PATH, REQUESTS_PATH } from './link-paths';
import {
  ackAnswersRequestSchema,
  ackAnswersResponseSchema,
  createLinkRequestSchema,
  createSecretRequestSchema,
  ownedLinksResponseSchema,
  ownedRequestsResponseSchema,
  revokeLinkRequestSchema,
  revokeLinkResponseSchema,
  type CreateLinkRequest,
  type CreateSecretRequest,
  type OwnedLink,
  type OwnedRequests,
} from './link-schemas';
import type { RequestSigner } from './request-signer';
import { z } from 'zod';

const created = z.object({ created: z.literal(true) });

export interface LinkOwnerClient {
  createLink(link: CreateLinkRequest): Promise<void>;
  listLinks(): Promise<OwnedLink[]>;
  /** @returns false when the link was already gone */
  revokeLink(id: string): Promise<boolean>;
  createRequest(request: CreateSecretRequest): Promise<void>;
  listRequests(): Promise<OwnedRequests>;
  revokeRequest(id: string): Promise<boolean>;
  /** Deletes answers stored in the vault. */
  ackAnswers(ids: number[]): Promise<number>;
}

/**
 * @param target - the relay's origin, the owner's signer, a fetch and the local clock
 * @example const links = createLinkOwnerClient({ baseUrl, signer }); await links.createLink(sealed.wire);
 */
export function createLinkOwnerClient(target: LinkCallTarget & { signer: RequestSigner }): LinkOwnerClient {
  return {
    createLink: async (link) => void (await callLinkRoute(target, { method: 'POST', path: LINKS_PATH, body: link, request: createLinkRequestSchema, response: created })),
    listLinks: async () => (await callLinkRoute(target, { method: 'GET', path: LINKS_PATH, response: ownedLinksResponseSchema })).links,
    revokeLink: async (id) =>
      (await callLinkRoute(target, { method: 'POST', path: LINK_REVOKE_PATH, body: { id }, request: revokeLinkRequestSchema, response: revokeLinkResponseSchema })).revoked,
    createRequest: async (request) =>
      void (await callLinkRoute(target, { method: 'POST', path: REQUESTS_PATH, body: request, request: createSecretRequestSchema, response: created })),
    listRequests: () => callLinkRoute(target, { method: 'GET', path: REQUESTS_PATH, response: ownedRequestsResponseSchema }),
    revokeRequest: async (id) =>
      (await callLinkRoute(target, { method: 'POST', path: REQUEST_REVOKE_PATH, body: { id }, request: revokeLinkRequestSchema, response: revokeLinkResponseSchema })).revoked,
    ackAnswers: async (ids) =>
      (await callLinkRoute(target, { method: 'POST', path: REQUEST_ANSWERS_ACK_PATH, body: { ids }, request: ackAnswersRequestSchema, response: ackAnswersResponseSchema })).deleted,
  };
}
