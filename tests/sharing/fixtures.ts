/** Shared fixtures for the sharing tests: people with identities, pinned contacts and a sample login. */
import { itemContentSchema, type ItemContent } from '../../lib/vault/model/item-schema';
import type { Contact } from '../../lib/sharing/contacts/contact';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
import type { Identity, PublicIdentity } from '../../lib/sharing/identity/identity';
import { pinContact } from '../../lib/sharing/contacts/pin-contact';

/** A fixed "now" so expiry arithmetic in the tests reads plainly: 2025-01-01T00:00:00Z. */
export const NOW = Date.UTC(2025, 0, 1);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export function person(handle: string): Identity {
  return generateIdentity(handle, NOW);
}

/**
 * The public half of an identity, as a contact code or a verified bundle would give it: by default as a
 * v1 bundle (X25519 and Ed25519 only, a contact who has not upgraded); `{ pq: true }` keeps the X-Wing key.
 */
export function publicOf(identity: PublicIdentity, { pq = false }: { pq?: boolean } = {}): PublicIdentity {
  const keys = { handle: identity.handle, encryptionKey: identity.encryptionKey.slice(), signingKey: identity.signingKey.slice() };
  return pq && identity.xwingKey ? { ...keys, xwingKey: identity.xwingKey.slice() } : keys;
}

/**
 * `identity` pinned as a contact, verified by default (as after scanning its contact code); by default its
 * v1 keys, with `{ pq: true }` its v2 bundle including the X-Wing key.
 */
export function contactOf(identity: PublicIdentity, state: 'verified' | 'unverified' = 'verified', options: { pq?: boolean } = {}): Contact {
  return pinContact(undefined, publicOf(identity, options), state === 'verified' ? 'contact-code' : 'lookup', NOW).contact;
}

/** A login as it sits in a vault. */
export function sampleLogin(password = 'correct horse battery staple'): ItemContent {
  return itemContentSchema.parse({
    type: 'login',
    title: 'Staging database',
    username: 'deploy@example.org',
    password,
    urls: ['https://db.example.org/login'],
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
  });
}
