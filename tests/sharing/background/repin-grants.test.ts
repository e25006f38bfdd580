/**
 * T01's repair path through the handlers: a grant is to a key, not to a name. After a contact is re-pinned
 * (their real contact code pasted, or new keys verified by safety number), grants made to the old key stay
 * revocable, are shown as given to keys the contact no longer has, are never updated (nothing is sealed to
 * the old key or to the new one under the old grant), and can be shared again to the verified key; no sync,
 * revoke or delete fails on them.
 */
import { describe, expect, it } from 'vitest';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { addLogin, person, receivedRows, world, type World } from './people';
import type { Tamper } from './relay-harness';

function lieAboutKey(handle: string, impostor: Identity): Tamper {
  return async (request) => (new URL(request.url).pathname === `/v1/identities/${handle}` && request.method === 'GET' ? Response.json(signIdentityBundle(impostor)) : undefined);
}

/** Envelopes posted so far, with the share id they were posted under and the recipient key each is sealed to. */
function posted(w: World) {
  return w.relay.seen
    .filter((r) => r.path === '/v1/envelopes')
    .flatMap((r) => (JSON.parse(r.body) as { envelopes: { to: string; shareId: string; envelope: string }[] }).envelopes)
    .map((e) => ({ to: e.to, shareId: e.shareId, ...readEnvelopeAddress(e.envelope).address }));
}

/**
 * Alice pinned "bob" from a lying relay (its own key), shared a login to that key after confirming, and
 * then pasted bob's real contact code: the contact is re-pinned to bob's keys, the grant is to the relay's.
 */
async function repinned() {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const impostor = generateIdentity('bob', w.clock.now);
  w.relay.tamper = lieAboutKey('bob', impostor);
  const { id: bobId } = await alice.call('contactAdd', { handle: 'bob' });
  const itemId = await addLogin(alice, { password: 'shared-to-the-wrong-key', urls: ['https://db.example.org/'] });
  const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true });
  w.relay.tamper = null;
  const code = (await bob.call('sharingStatus', {})).identity!.contactCode;
  expect((await alice.call('contactAddCode', { code })).change).toBe('verified');
  return { w, alice, bob, bobId, itemId, oldShare: shareIds[0]!, impostor };
}

describe('T01 re-pin with live grants', () => {
  it('T01 the access panel says the grant is to keys bob no longer has, and revoking it works (relay-side revoke, rotation notice)', async () => {
    const { w, alice, bobId, itemId, oldShare } = await repinned();
    alice.service.clock.now += 1;
    expect(await alice.code('shareRevoke', { itemId, shareIds: [oldShare] })).toBe('ok');
    const { entries, rotate } = await alice.call('shareList', { itemId });
    expect(entries[0]).toMatchObject({ state: 'revoked', keyReplaced: true });
    expect(rotate).toEqual([expect.objectContaining({ shareId: oldShare, handle: 'bob' })]);
    // The relay was told to drop what is undelivered; no envelope went to bob's verified key for the old grant.
    expect(w.relay.seen.some((r) => r.path === '/v1/shares/revoke' && r.body.includes(oldShare))).toBe(true);
    const bobKey = (await alice.call('contactGet', { id: bobId })).contact.fingerprint;
    expect(posted(w).filter((e) => e.shareId === oldShare && e.recipient.fingerprint === bobKey)).toEqual([]);
  });

  it('T01 before any revoke, the panel shows the grant as given to keys bob no longer has', async () => {
    const { alice, itemId, oldShare } = await repinned();
    expect((await alice.call('shareList', { itemId })).entries).toEqual([expect.objectContaining({ shareId: oldShare, handle: 'bob', contactState: 'verified', keyReplaced: true, state: 'pending' })]);
  });

  it('T01 edits after the re-pin: the sync succeeds, nothing is sealed for the old grant, and it stays shown as waiting', async () => {
    const { w, alice, itemId, oldShare } = await repinned();
    const before = posted(w).length;
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'rotated-after-repin', urls: ['https://db.example.org/'] } });
    const report = await alice.call('sharingSync', {});
    expect(report.lastError).toBeNull();
    expect(posted(w).length).toBe(before);
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ shareId: oldShare, keyReplaced: true, updatePending: true });
  });

  it('T01 deleting the item revokes the old-key grant and says so', async () => {
    const { alice, itemId } = await repinned();
    await alice.call('itemDelete', { id: itemId });
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'revoked' });
  });

  it('T01 sharing again with bob revokes the old-key grant and offers the item to his verified key; bob can accept it', async () => {
    const { w, alice, bob, bobId, itemId, oldShare } = await repinned();
    const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    expect(shareIds).toHaveLength(1);
    expect(shareIds[0]).not.toBe(oldShare);
    const entries = (await alice.call('shareList', { itemId })).entries;
    expect(entries.map((e) => [e.shareId, e.state, e.keyReplaced])).toEqual(expect.arrayContaining([[oldShare, 'revoked', true], [shareIds[0], 'pending', false]]));
    // The new share went out (an offer: it is the share's first envelope) to bob's real key.
    const fresh = posted(w).find((e) => e.shareId === shareIds[0]);
    expect(fresh?.recipient.fingerprint).toBe((await alice.call('contactGet', { id: bobId })).contact.fingerprint);
    await bob.call('contactAddCode', { code: (await alice.call('sharingStatus', {})).identity!.contactCode });
    await bob.call('sharingSync', {});
    const [entry] = (await bob.call('inboxList', {})).shares;
    await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
    expect(await receivedRows(bob)).toHaveLength(1);
  });

  it('T01 verifying new keys by safety number (a changed contact) re-pins too: revoke and sync keep working', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    await person(w, 'bob');
    const { id: bobId } = await alice.call('contactAdd', { handle: 'bob' });
    const itemId = await addLogin(alice);
    const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true });
    // The relay now shows other keys for bob; alice compares that safety number and confirms it.
    w.relay.tamper = lieAboutKey('bob', generateIdentity('bob', w.clock.now));
    expect((await alice.call('contactAdd', { handle: 'bob' })).change).toBe('key-changed');
    const offered = (await alice.call('contactGet', { id: bobId })).contact.offered!;
    await alice.call('contactVerify', { id: bobId, fingerprint: offered.fingerprint });
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'after-verify' } });
    expect((await alice.call('sharingSync', {})).lastError).toBeNull();
    expect(await alice.call('shareRevoke', { itemId, shareIds })).toMatchObject({ revoked: 1 });
  });
});
