/** Shared pieces of the link format tests: a content with a receipt seed, and terms one hour ahead. */
import { toBase64Url } from '../../../lib/crypto/base64url';
import { randomBytes } from '../../../lib/crypto/random-bytes';
import type { LinkContent, LinkTerms } from '../../../lib/links/format/link-content';

export const T0 = Date.UTC(2026, 10, 1);

export function sampleContent(): LinkContent {
  return {
    v: 1,
    title: 'Hosting for Acme',
    fields: [
      { name: 'username', label: 'Username', value: 'ops@acme.example', concealed: false },
      { name: 'password', label: 'Password', value: 'Vellum-Quartz-4417', concealed: true },
    ],
    receiptSeed: toBase64Url(randomBytes(32)),
  };
}

export const TERMS: LinkTerms = { expiresAt: T0 + 3_600_000, maxViews: 3, passphrase: false };
