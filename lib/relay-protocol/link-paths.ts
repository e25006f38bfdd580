/**
 * The relay's routes for one-time links and secret requests (issue 14), shared by the relay, the extension
 * and the pages the relay serves. Ids are base64url (no escaping needed in a path). Owner routes are signed
 * like every call that acts for an identity; the rest are public: the link or request secret is the
 * credential, and GET/HEAD never change anything (T25).
 */

/** The page that opens a one-time link: `<relay>/l/#<secret>`. */
export const LINK_PAGE_PATH = '/l/';
/** The page that answers a secret request: `<relay>/r/#<secret>`. */
export const REQUEST_PAGE_PATH = '/r/';

/** POST (signed): create a link. GET (signed): the caller's links and their state. */
export const LINKS_PATH = '/v1/links';
/** POST (signed): revoke one of the caller's links. */
export const LINK_REVOKE_PATH = '/v1/links/revoke';
/** GET/HEAD (public): a link's state; spends nothing. */
export const linkPath = (id: string) => `${LINKS_PATH}/${id}`;
/** POST (public, with the access token): spend one view and receive the sealed content. */
export const linkRevealPath = (id: string) => `${LINKS_PATH}/${id}/reveal`;
/** POST (public): the decrypting page's signed "opened" proof. */
export const linkOpenedPath = (id: string) => `${LINKS_PATH}/${id}/opened`;

/** POST (signed): create a request. GET (signed): the caller's requests and the answers waiting. */
export const REQUESTS_PATH = '/v1/requests';
/** POST (signed): revoke one of the caller's requests. */
export const REQUEST_REVOKE_PATH = '/v1/requests/revoke';
/** POST (signed): delete answers the owner has stored. */
export const REQUEST_ANSWERS_ACK_PATH = '/v1/requests/answers/ack';
/** GET/HEAD (public): a request's sealed descriptor and state. */
export const requestPath = (id: string) => `${REQUESTS_PATH}/${id}`;
/** POST (public, with the answer token): one sealed answer. */
export const requestAnswersPath = (id: string) => `${REQUESTS_PATH}/${id}/answers`;
