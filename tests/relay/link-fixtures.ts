/** Links and requests made with the real format code (lib/links/format), for the relay's link suites. */
import { toBase64 } from '../../lib/crypto/base64';
import { toBase64Url } from '../../lib/crypto/base64url';
import { generateKeyPair } from '../../lib/crypto/hpke/generate-key-pair';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { deriveRequestKeys } from '../../lib/links/format/derive-request-keys';
import type { LinkContent, LinkTerms } from '../../lib/links/format/link-content';
import { newLinkSecret } from '../../lib/links/format/link-secret';
import type { RequestDescriptor } from '../../lib/links/format/request-descriptor';
import { sealLinkContent } from '../../lib/links/format/seal-link-content';
import { sealRequestDescriptor } from '../../lib/links/format/seal-request-descriptor';
import type { TestUser } from './fixtures';

export const LINK_TITLE = 'Quartzwing hosting panel';
export const LINK_PASSWORD = 'Tr0ub4dor&3-zebra-Vellum';
export const LINK_USERNAME = 'finance.lead@quartzwing.example';

export function linkContent(): LinkContent {
  return {
    v: 1,
    title: LINK_TITLE,
    fields: [
      { name: 'username', label: 'Username', value: LINK_USERNAME, concealed: false },
      { name: 'password', label: 'Password', value: LINK_PASSWORD, concealed: true },
    ],
    receiptSeed: toBase64Url(randomBytes(32)),
  };
}

/** A sealed link for `now`: its secret, content, terms and the create body. */
export async function makeLink(now: number, options: { maxViews?: number; passphrase?: string } = {}) {
  const secret = newLinkSecret();
  const content = linkContent();
  const terms: LinkTerms = { expiresAt: now + 3_600_000, maxViews: options.maxViews ?? 3, passphrase: options.passphrase !== undefined };
  const wire = await sealLinkContent(secret, content, terms, options.passphrase ?? null);
  return { secret, content, terms, wire };
}

export const REQUEST_LABEL = 'hosting login for Acme Mirabelle';

/** A sealed, signed request by `owner` for `now`: its secret, key pair, descriptor and the create body. */
export function makeRequest(owner: TestUser, now: number, maxAnswers = 1) {
  const secret = newLinkSecret();
  const keyPair = generateKeyPair();
  const descriptor: RequestDescriptor = {
    v: 1,
    requestId: deriveRequestKeys(secret).id,
    label: REQUEST_LABEL,
    publicKey: toBase64(keyPair.publicKey),
    // The whole bundle's keys, as create-request names them: the page's safety code is then the owner's own (issue 16).
    owner: { handle: owner.handle, encryptionKey: owner.bundle.encryptionKey, signingKey: owner.bundle.signingKey, ...(owner.bundle.v === 2 ? { xwingKey: owner.bundle.xwingKey } : {}) },
    created: now,
    expiresAt: now + 86_400_000,
    maxAnswers,
  };
  return { secret, keyPair, descriptor, wire: sealRequestDescriptor(secret, descriptor, owner.identity.signingSecretKey) };
}

/** A fetch into an in-process app, for the link clients. */
export function appFetch(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {
  return async (url: URL, init: RequestInit) => app.request(url.pathname + url.search, init);
}
