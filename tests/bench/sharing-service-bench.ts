/**
 * Sharing inside the extension, with storage: one item shared to 50 pinned contacts through
 * lib/sharing-service/share-item (50 offers sealed and signed, 50 grants and the outbox batch in one Dexie
 * transaction, fake-indexeddb under Node), ms, median of fresh vaults; the fill lookup of a received
 * login among 200 received copies (ms, median); and what binding sharing records into the manifest costs
 * (issue 12, T09): one sharing commit in a vault of 10,000 items (the whole manifest is sealed again, as
 * for an item edit), and sharing's check at unlock over 50 contacts, 50 grants and 200 received copies.
 */
import { commitSharing } from '../../lib/sharing/store/commit-sharing';
import { createSharingIdentity } from '../../lib/sharing/profile/create-sharing-identity';
import { findReceivedBySite } from '../../lib/sharing/recipient/find-received-by-site';
import { shareItem } from '../../lib/sharing/owner/share-item';
import type { StoredReceived } from '../../lib/sharing/store/stored-received';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
import { newShareId } from '../../lib/sharing/envelope/new-share-id';
import { pinContact } from '../../lib/sharing/contacts/pin-contact';
import { createItem, createItems } from '../../lib/vault/items/create-item';
import { checkSharingAtUnlock } from '../../lib/sharing/sync/check-sharing-at-unlock';
import { itemContentSchema } from '../../lib/vault/model/item-schema';
import { syntheticVault } from '../vault/fixtures';
import { median, round, timeRuns } from './stats';

export async function benchSharingService(runs = 5, contacts = 50, received = 200, bigVaultItems = 10_000) {
  const now = Date.now();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { db, vault } = await syntheticVault();
    await createSharingIdentity(db, vault, 'alice', 'http://127.0.0.1:8787', now);
    const records = Array.from({ length: contacts }, (_, i) => ({ id: `c${i}`, contact: pinContact(undefined, generateIdentity(`colleague${i}`, now), 'contact-code', now).contact }));
    await commitSharing(db, vault, { contacts: records }, now);
    const itemId = await createItem(db, vault, { type: 'login', title: 'Staging database', username: 'deploy', password: 'pw', urls: ['https://db.example.org/'] }, now);
    const start = performance.now();
    await shareItem(db, vault, { itemId, contactIds: records.map((r) => r.id), permission: 'view', expiresAt: now + 86_400_000, confirmedUnverified: false }, now);
    samples.push(performance.now() - start);
    db.close();
  }

  const { db, vault } = await syntheticVault();
  const item = (site: string) => itemContentSchema.parse({ type: 'login', title: site, username: 'u', password: 'p', urls: [`https://${site}/login`], createdAt: now, updatedAt: now });
  const copies = Array.from({ length: received }, (_, i): StoredReceived => ({
    status: 'live',
    share: { shareId: newShareId(), itemId: `i${i}`, owner: { handle: 'alice', fingerprint: 'A'.repeat(43) + '=' }, permission: 'autofill-only', expiresAt: null, state: 'accepted', version: 1, myVersion: 1, item: item(`site${i}.example`), receivedAt: now },
    contactId: 'c',
    replyRelayId: newShareId(),
    openedReceiptAt: null,
    editSentAt: null,
    missing: null,
  }));
  await commitSharing(db, vault, { received: copies }, now);
  // What the unlock check reads beside the copies: 50 contacts and a grant each.
  const pinned = Array.from({ length: contacts }, (_, i) => ({ id: `c${i}`, contact: pinContact(undefined, generateIdentity(`colleague${i}`, now), 'contact-code', now).contact }));
  await commitSharing(db, vault, { contacts: pinned }, now);
  const owned = await createItem(db, vault, { type: 'login', title: 'Owned', username: 'u', password: 'p', urls: [] }, now);
  await createSharingIdentity(db, vault, 'bench', 'http://127.0.0.1:8787', now);
  await shareItem(db, vault, { itemId: owned, contactIds: pinned.map((c) => c.id), permission: 'view', expiresAt: null, confirmedUnverified: false }, now);
  for (let i = 0; i < 20; i++) await findReceivedBySite(db, vault, 'https://site7.example/login', now);
  const lookup = await timeRuns(100, () => findReceivedBySite(db, vault, 'https://site7.example/login', now));
  const unlockCheck = await timeRuns(5, () => checkSharingAtUnlock(db, vault, now));
  db.close();

  const big = await syntheticVault();
  await createItems(big.db, big.vault, Array.from({ length: bigVaultItems }, (_, i) => ({ type: 'note' as const, title: `note ${i}` })), now);
  const contact = { id: 'c0', contact: pinContact(undefined, generateIdentity('colleague', now), 'contact-code', now).contact };
  const commits = await timeRuns(20, () => commitSharing(big.db, big.vault, { contacts: [contact] }, now));
  big.db.close();
  return {
    shareToContacts: contacts,
    shareItemWithStorageMs: round(median(samples)),
    receivedCopies: received,
    receivedFillLookupMs: round(median(lookup)),
    sharingUnlockCheckMs: round(median(unlockCheck)),
    bigVaultItems,
    sharingCommitInBigVaultMs: round(median(commits)),
    targets: { shareItemWithStorageMs: 300, receivedFillLookupMs: 5 },
  };
}
