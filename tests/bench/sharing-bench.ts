/**
 * Sharing figures: seal + sign and verify + open of one share-offer envelope (µs, median), one item
 * shared to 50 contacts (ms, median; target ≤ 300 ms, DESIGN §9), and a safety number (ms). Imports
 * nothing Node-only.
 */
import type { Contact } from '../../lib/sharing/contacts/contact';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
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
  const sample = sealEnvelope(alice, bob, draft());
  // Warm-up: the first calls pay for JIT and noble's precomputed tables.
  for (let i = 0; i < 20; i++) openEnvelope(sealEnvelope(alice, bob, draft()), bob, alice);
  const seal = await timeRuns(runs, () => sealEnvelope(alice, bob, draft()));
  const open = await timeRuns(runs, () => openEnvelope(sample, bob, alice));

  const recipients: Contact[] = Array.from(
    { length: contacts },
    (_, i) => pinContact(undefined, generateIdentity(`colleague${i}`, now), 'contact-code', now).contact,
  );
  const fanOut = await timeRuns(10, () => {
    for (const contact of recipients) offerShare({ me: alice, contact, itemId: 'item-1', item: ITEM, permission: 'view', expiresAt: now + 86_400_000, now });
  });
  const safety = await timeRuns(20, () => safetyNumber(alice, bob));
  return {
    envelopeBytes: sample.length,
    sealAndSignUs: round(median(seal) * 1000),
    verifyAndOpenUs: round(median(open) * 1000),
    shareToContacts: contacts,
    shareToContactsMs: round(median(fanOut)),
    safetyNumberMs: round(median(safety)),
    targets: { shareToContactsMs: 300 },
  };
}
