/**
 * S8 through the sharing handlers: a contact, grant or received record damaged in IndexedDB (one bit of
 * its ciphertext flipped) is left out of its list and counted in the response, a lookup of it says
 * "damaged" (`corrupted`) rather than "gone" (`not-found`), the sync goes on past it and reports it in
 * the sharing status, an envelope for a damaged share is refused rather than written over it, and
 * everything else keeps working.
 */
import { describe, expect, it } from 'vitest';
import { shareIdOfReceivedItem } from '../../../lib/sharing/store/received-item-id';
import { flipStoredByte } from '../flip-stored-byte';
import { addByCode, addLogin, person, receivedRows, world } from './people';

async function trio() {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const carol = await person(w, 'carol');
  const bobId = await addByCode(alice, bob);
  const carolId = await addByCode(alice, carol);
  const aliceAtBob = await addByCode(bob, alice);
  await addByCode(carol, alice);
  return { alice, bob, carol, bobId, carolId, aliceAtBob };
}

/** The stored row id (the share id) behind a received item id. */
function rowOf(receivedId: string): string {
  const shareId = shareIdOfReceivedItem(receivedId);
  if (shareId === null) throw new Error(`not a received item id: ${receivedId}`);
  return shareId;
}

describe('S8: damaged sharing records through the handlers', () => {
  it('S8: owner side: a damaged contact and grant are counted in the lists, reported as damaged by id, and the rest works', async () => {
    const { alice, carol, bobId, carolId } = await trio();
    const itemId = await addLogin(alice, { password: 'first-pass', urls: ['https://db.example.org/'] });
    const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId, carolId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [bobShare, carolShare] = shareIds;
    await flipStoredByte(alice.db.contacts, bobId);
    await flipStoredByte(alice.db.shares, bobShare!);

    // Lists: the good records, and how many were left out.
    expect(await alice.call('contactList', {})).toMatchObject({ contacts: [expect.objectContaining({ id: carolId, handle: 'carol' })], damaged: 1 });
    const access = await alice.call('shareList', { itemId });
    expect(access.entries.map((e) => [e.shareId, e.handle])).toEqual([[carolShare, 'carol']]);
    expect(access.damaged).toBe(1);

    // By id: damaged is not absent.
    expect(await alice.code('contactGet', { id: bobId })).toBe('corrupted');
    expect(await alice.code('contactGet', { id: 'ff'.repeat(16) })).toBe('not-found');
    expect((await alice.call('contactGet', { id: carolId })).contact.handle).toBe('carol');
    expect(await alice.code('contactVerify', { id: bobId, fingerprint: 'A'.repeat(43) + '=' })).toBe('corrupted');
    expect(await alice.code('shareRotateDismiss', { itemId, shareId: bobShare! })).toBe('corrupted');
    expect(await alice.code('shareRevoke', { itemId, shareIds: [bobShare!] })).toBe('corrupted');
    const sharesBefore = await alice.db.shares.count();
    expect(await alice.code('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false })).toBe('corrupted');
    expect(await alice.db.shares.count()).toBe(sharesBefore);

    // The sync goes on and reports the damage in the status; carol still gets the owner's edits.
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'second-pass', urls: ['https://db.example.org/'] } });
    await alice.call('sharingSync', {});
    expect((await alice.call('sharingStatus', {})).damaged).toEqual({ contacts: 1, grants: 1, received: 0 });
    await carol.call('sharingSync', {});
    const [entry] = (await carol.call('inboxList', {})).shares;
    await carol.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
    expect((await carol.call('receivedGet', { id: entry!.id })).view.item).toMatchObject({ rev: 2, content: { password: 'second-pass' } });
    // Revoking everyone ends carol's share; the damaged grant stays as it was (it cannot be read).
    const damagedRow = await alice.db.shares.get(bobShare!);
    expect((await alice.call('shareRevoke', { itemId })).revoked).toBe(1);
    expect(await alice.db.shares.get(bobShare!)).toEqual(damagedRow);
  });

  it('S8: recipient side: a damaged received copy is counted in the inbox and item list, refused by id, and never overwritten by the sync', async () => {
    const { alice, bob, bobId } = await trio();
    const first = await addLogin(alice, { title: 'First', password: 'one-1' });
    const second = await addLogin(alice, { title: 'Second', password: 'two-2' });
    for (const itemId of [first, second]) await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const inbox = (await bob.call('inboxList', {})).shares;
    const damagedId = inbox.find((e) => e.title === 'First')!.id;
    const goodId = inbox.find((e) => e.title === 'Second')!.id;
    await flipStoredByte(bob.db.received, rowOf(damagedId));

    expect(await bob.call('inboxList', {})).toMatchObject({ shares: [expect.objectContaining({ id: goodId, title: 'Second' })], damaged: 1 });
    expect(await bob.code('inboxAnswer', { id: damagedId, answer: 'accept', confirmedUnverified: false })).toBe('corrupted');
    expect(await bob.code('receivedGet', { id: damagedId })).toBe('corrupted');
    await bob.call('inboxAnswer', { id: goodId, answer: 'accept', confirmedUnverified: false });
    expect(await bob.call('receivedList', {})).toMatchObject({ items: [expect.objectContaining({ id: goodId, title: 'Second' })], damaged: 1 });

    // The owner edits both items: the update for the damaged copy is refused and the row left as it is;
    // the other copy gets its new version in the same sync.
    const damagedRow = await bob.db.received.get(rowOf(damagedId));
    await alice.call('itemUpdate', { id: first, item: { type: 'login', title: 'First', password: 'one-2' } });
    await alice.call('itemUpdate', { id: second, item: { type: 'login', title: 'Second', password: 'two-3' } });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    expect(await bob.db.received.get(rowOf(damagedId))).toEqual(damagedRow);
    expect((await bob.call('receivedGet', { id: goodId })).view.item.content).toMatchObject({ password: 'two-3' });
    const status = await bob.call('sharingStatus', {});
    expect(status.damaged).toEqual({ contacts: 0, grants: 0, received: 1 });
    expect(status.refusals.map((r) => r.reason)).toContain('damaged-record');
    expect(await receivedRows(bob)).toHaveLength(1);
  });

  it('S8: the sender’s contact record damaged: the share shows an unknown sender, and answering it says the contact is damaged', async () => {
    const { alice, bob, bobId, aliceAtBob } = await trio();
    const itemId = await addLogin(alice);
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    await flipStoredByte(bob.db.contacts, aliceAtBob);

    const { shares, damaged } = await bob.call('inboxList', {});
    expect(damaged).toBe(0);
    expect(shares).toEqual([expect.objectContaining({ from: 'alice', fromState: 'unknown' })]);
    expect((await bob.call('contactList', {})).damaged).toBe(1);
    expect(await bob.code('inboxAnswer', { id: shares[0]!.id, answer: 'accept', confirmedUnverified: true })).toBe('corrupted');
    // Opening it still works (no receipt can be sealed without the contact).
    expect((await bob.call('receivedGet', { id: shares[0]!.id })).view.from).toEqual({ handle: 'alice', state: 'unknown' });
  });
});
