/**
 * T09 on the sharing tables, through the handlers: someone who can write the browser profile's IndexedDB
 * writes back an old sealed grant, contact or received row, removes one, or brings a removed one back.
 * Every contact, grant, received copy, request and outbox operation is bound into the vault's sealed
 * manifest with its revision, so each of these is noticed like an item's would be: the record is treated as
 * damaged (never acted on, never sealed to), counted in the lists and the sharing status, and listed in the
 * integrity report of the next unlock.
 */
import { describe, expect, it } from 'vitest';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import { shareIdOfReceivedItem } from '../../../lib/sharing/store/received-item-id';
import { KDF_TIMEOUT, PASSWORD } from '../../vault/fixtures';
import { addByCode, addLogin, DAY, person, world, type Person, type World } from './people';

/** Every envelope posted so far, with the share id it was posted under (its kind is sealed, T07). */
function posted(w: World) {
  return w.relay.seen
    .filter((r) => r.path === '/v1/envelopes')
    .flatMap((r) => (JSON.parse(r.body) as { envelopes: { to: string; shareId: string; envelope: string }[] }).envelopes);
}

async function pair(aliceReal = false) {
  const w = await world();
  const alice = await person(w, 'alice', true, aliceReal);
  const bob = await person(w, 'bob');
  const bobId = await addByCode(alice, bob);
  await addByCode(bob, alice);
  return { w, alice, bob, bobId };
}

async function shareAccepted(alice: Person, bob: Person, bobId: string, itemId: string) {
  const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
  await bob.call('sharingSync', {});
  const [entry] = (await bob.call('inboxList', {})).shares;
  await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
  await alice.call('sharingSync', {});
  return { shareId: shareIds[0]!, receivedId: entry!.id };
}

describe('T09: rollback, removal and revival of sharing records on disk', () => {
  it('T09 an old grant row written back (accepted over revoked): the next password change is not sealed to the revoked person, and the grant is reported', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { password: 'before-revoke', urls: ['https://db.example.org/'] });
    const { shareId } = await shareAccepted(alice, bob, bobId, itemId);
    const accepted = structuredClone(await alice.db.shares.get(shareId));
    alice.service.clock.now += 1;
    await alice.call('shareRevoke', { itemId, shareIds: [shareId] });
    await bob.call('sharingSync', {});
    await alice.db.shares.put(accepted!);

    const sent = posted(w).length;
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'rotated-after-revoke', urls: ['https://db.example.org/'] } });
    await alice.call('sharingSync', {});
    expect(posted(w).slice(sent).filter((e) => e.shareId === shareId)).toEqual([]);
    expect((await alice.call('sharingStatus', {})).damaged).toEqual({ contacts: 0, grants: 1, received: 0 });
    expect(await alice.call('shareList', { itemId })).toMatchObject({ entries: [], damaged: 1 });
    expect(await alice.code('shareRevoke', { itemId, shareIds: [shareId] })).toBe('corrupted');
  });

  it('T09 a received tombstone removed from disk: the replayed offer is refused, not taken as new', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { urls: ['https://db.example.org/'] });
    const { shareId, receivedId } = await shareAccepted(alice, bob, bobId, itemId);
    // The first envelope posted under the share id is its offer.
    const offer = posted(w).find((e) => e.shareId === shareId)!;
    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    await bob.db.received.delete(shareIdOfReceivedItem(receivedId)!);
    await w.relay.store.postEnvelopes('alice', [{ recipient: 'bob', shareId, postId: 'replayed-offer-0001', expiresAt: w.clock.now + DAY, envelope: offer.envelope, size: offer.envelope.length }], w.clock.now, { mailbox: { maxEnvelopes: 1000, maxBytes: 1 << 24 }, storageMaxBytes: 1 << 30 });
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toEqual([]);
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['damaged-record']);
    expect((await bob.call('sharingStatus', {})).damaged.received).toBe(1);
  });

  it('T09 a contact row rolled back to the relay\'s key after the real contact code repaired it: nothing is sealed to that key', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const impostor = generateIdentity('bob', w.clock.now);
    w.relay.tamper = async (request) => (new URL(request.url).pathname === '/v1/identities/bob' ? Response.json(signIdentityBundle(impostor)) : undefined);
    const { id: bobId } = await alice.call('contactAdd', { handle: 'bob' });
    const pinnedFromRelay = structuredClone(await alice.db.contacts.get(bobId));
    // Bob's v2 code needs his real bundle from the relay (issue 16): the relay stops lying for it.
    w.relay.tamper = null;
    await alice.call('contactAddCode', { code: (await bob.call('sharingStatus', {})).identity!.contactCode });
    await alice.db.contacts.put(pinnedFromRelay!);
    const itemId = await addLogin(alice);
    const sent = posted(w).length;
    expect(await alice.code('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true })).toBe('corrupted');
    expect(posted(w).length).toBe(sent);
    expect(await alice.code('contactGet', { id: bobId })).toBe('corrupted');
  });

  it('T09 the unlock report lists sharing records rolled back, removed and revived; the rest of sharing works', async () => {
    const { w, alice, bob, bobId } = await pair(true);
    const carol = await person(w, 'carol');
    const carolId = await addByCode(alice, carol);
    const itemId = await addLogin(alice);
    const { shareId } = await shareAccepted(alice, bob, bobId, itemId);
    const accepted = structuredClone(await alice.db.shares.get(shareId));
    alice.service.clock.now += 1;
    await alice.call('shareRevoke', { itemId, shareIds: [shareId] });
    // An operation made offline, kept, sent later: its removed row is written back afterwards.
    w.relay.online = false;
    const other = await addLogin(alice, { title: 'Other' });
    await alice.call('shareCreate', { itemId: other, contactIds: [carolId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [queued] = structuredClone(await alice.db.outbox.toArray());
    w.relay.online = true;
    await alice.call('sharingSync', {});
    expect(await alice.db.outbox.count()).toBe(0);

    await alice.call('vaultLock', {});
    await alice.db.shares.put(accepted!);
    await alice.db.contacts.delete(carolId);
    await alice.db.outbox.put(queued!);
    const { integrity } = await alice.call('vaultUnlock', { password: PASSWORD });
    expect(integrity.records).toEqual({ missing: [`contacts/${carolId}`], unexpected: [`outbox/${queued!.seq}`], rolledBack: [`shares/${shareId}`], quarantined: [] });
    expect(integrity).toMatchObject({ missing: [], unexpected: [], rolledBack: [], quarantined: [] });
    // The revived operation does not go out again; bob's grant and carol's contact are refused as damaged.
    const sent = posted(w).length;
    await alice.call('sharingSync', {});
    expect(posted(w).length).toBe(sent);
    expect(await alice.code('shareRevoke', { itemId, shareIds: [shareId] })).toBe('corrupted');
    expect(await alice.code('contactGet', { id: carolId })).toBe('corrupted');
    expect((await alice.call('sharingStatus', {})).damaged).toEqual({ contacts: 1, grants: 1, received: 0 });
  }, KDF_TIMEOUT);
});
