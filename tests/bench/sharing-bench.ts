/**
 * Sharing figures: seal + sign and verify + open of one share-offer envelope (µs, median), one item
 * shared to 50 contacts (ms, median; target ≤ 300 ms, DESIGN §9), and a safety number (ms), each for the
 * classic suite (X25519, a contact pinned without an X-Wing key) and the post-quantum one (X-Wing, issue
 * 16) side by side, interleaved run by run so both see the same load. Imports nothing Node-only.
 */
import type { Contact } from '../../lib/sharing/contacts/contact';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
import type { Identity, PublicIdentity } from '../../lib/sharing/identity/identity';
import { newShareId } from '../../lib/sharing/envelope/new-share-id';
import { offerShare } from '../../lib/sharing/grants/offer-share';
import { openEnvelope } from '../../lib/sharing/envelope/open-envelope';
import { pinContact } from '../../lib/sharing/contacts/pin-contact';
import { safetyNumber } from '../../lib/sharing/identity/safety-number';
import { sealEnvelope } from '../../lib/sharing/envelope/seal-envelope';
import { itemContentSchema } from '../../lib/vault/model/item-schema';
import { median, round, timeRuns } from './stats';

const ITEM = itemContentSchema.parse({
  type: 'login',
  title: 'Staging database',
  username: 'deploy@example.org',
  password: 'correct horse battery staple',
  urls: ['https://db.example.org/login'],
  notes: 'Rotate after the release.',
  createdAt: 1,
  updatedAt: 2,
});

/** The public keys as a v1 bundle shows them (classic) or as a v2 bundle does (with the X-Wing key). */
const keysOf = (identity: PublicIdentity, pq: boolean): PublicIdentity => {
  const { handle, encryptionKey, signingKey, xwingKey } = identity;
  return pq && xwingKey ? { handle, encryptionKey, signingKey, xwingKey } : { handle, encryptionKey, signingKey };
};

/** Runs `a` and `b` alternately `runs` times; each one's durations in ms. */
async function interleaved(runs: number, a: () => unknown, b: () => unknown): Promise<[number[], number[]]> {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    first.push(...(await timeRuns(1, a)));
    second.push(...(await timeRuns(1, b)));
  }
  return [first, second];
}

export async function benchSharing(runs = 200, contacts = 50) {
  const now = Date.now();
  const alice = generateIdentity('alice', now);
  const bob = generateIdentity('bob', now);
  const draft = () => ({
    shareId: newShareId(),
    itemId: 'item-1',
    version: 1,
    created: now,
    body: { kind: 'share-offer' as const, item: ITEM, permission: 'view' as const, expiresAt: null },
  });
  const suites = { classic: keysOf(bob, false), postQuantum: keysOf(bob, true) };
  const sample = { classic: sealEnvelope(alice, suites.classic, draft()), postQuantum: sealEnvelope(alice, suites.postQuantum, draft()) };
  // Warm-up: the first calls pay for JIT and noble's precomputed tables.
  for (let i = 0; i < 20; i++) for (const pinned of Object.values(suites)) openEnvelope(sealEnvelope(alice, pinned, draft()), bob, alice);
  const [sealClassic, sealPq] = await interleaved(runs, () => sealEnvelope(alice, suites.classic, draft()), () => sealEnvelope(alice, suites.postQuantum, draft()));
  const [openClassic, openPq] = await interleaved(runs, () => openEnvelope(sample.classic, bob, alice), () => openEnvelope(sample.postQuantum, bob, alice));

  const colleagues: Identity[] = Array.from({ length: contacts }, (_, i) => generateIdentity(`colleague${i}`, now));
  const pinned = (pq: boolean): Contact[] => colleagues.map((c) => pinContact(undefined, keysOf(c, pq), 'contact-code', now).contact);
  const recipients = { classic: pinned(false), postQuantum: pinned(true) };
  const shareTo = (list: Contact[]) => () => {
    for (const contact of list) offerShare({ me: alice, contact, itemId: 'item-1', item: ITEM, permission: 'view', expiresAt: now + 86_400_000, now });
  };
  const [fanOutClassic, fanOutPq] = await interleaved(10, shareTo(recipients.classic), shareTo(recipients.postQuantum));
  const [safetyClassic, safetyPq] = await interleaved(20, () => safetyNumber(keysOf(alice, false), suites.classic), () => safetyNumber(alice, suites.postQuantum));
  const figures = (envelope: string, seal: number[], open: number[], fanOut: number[], safety: number[]) => ({
    envelopeBytes: envelope.length,
    sealAndSignUs: round(median(seal) * 1000),
    verifyAndOpenUs: round(median(open) * 1000),
    shareToContactsMs: round(median(fanOut)),
    safetyNumberMs: round(median(safety)),
  });
  const classic = figures(sample.classic, sealClassic, openClassic, fanOutClassic, safetyClassic);
  const postQuantum = figures(sample.postQuantum, sealPq, openPq, fanOutPq, safetyPq);
  return {
    // The classic figures stay at the top level, under the names earlier runs used.
    ...classic,
    shareToContacts: contacts,
    postQuantum,
    postQuantumOverClassic: {
      sealAndSign: round(postQuantum.sealAndSignUs / classic.sealAndSignUs),
      verifyAndOpen: round(postQuantum.verifyAndOpenUs / classic.verifyAndOpenUs),
      shareToContacts: round(postQuantum.shareToContactsMs / classic.shareToContactsMs),
    },
    targets: { shareToContactsMs: 300, postQuantumShareToContactsMs: 300 },
  };
}
