/**
 * The Requests of the Inbox through the handlers (T02): declining drops a request and sends nothing back
 * (there are no verified keys to send it to); an unknown id is not-found; a damaged request record is
 * counted, refused as corrupted, and does not hide the others; a newer version of the same offer replaces
 * the waiting one instead of adding another.
 */
import { describe, expect, it } from 'vitest';
import { flipStoredByte } from '../flip-stored-byte';
import { addLogin, person, world } from './people';

async function offered() {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const { id: bobId } = await alice.call('contactAdd', { handle: 'bob' });
  const itemId = await addLogin(alice);
  await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true });
  await bob.call('sharingSync', {});
  return { w, alice, bob, bobId, itemId };
}

describe('requests (T02)', () => {
  it('decline drops the request, sends nothing, and clears the badge', async () => {
    const { w, bob } = await offered();
    const [request] = (await bob.call('shareRequestList', {})).requests;
    const posts = w.relay.seen.filter((r) => r.path === '/v1/envelopes').length;
    await bob.call('shareRequestDecline', { id: request!.id });
    expect((await bob.call('shareRequestList', {})).requests).toEqual([]);
    expect(bob.service.deps.badge.counts.get('inbox')).toBe(0);
    await bob.call('sharingSync', {});
    expect(w.relay.seen.filter((r) => r.path === '/v1/envelopes').length).toBe(posts);
    expect(await bob.code('shareRequestAccept', { id: request!.id })).toBe('not-found');
  });

  it('an update of the same offer replaces the waiting request; a damaged request is counted and refused as corrupted', async () => {
    const { alice, bob, bobId, itemId } = await offered();
    const [first] = (await bob.call('shareRequestList', {})).requests;
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'edit', expiry: 'none', confirmedUnverified: true });
    await bob.call('sharingSync', {});
    const { requests } = await bob.call('shareRequestList', {});
    expect(requests).toEqual([expect.objectContaining({ id: first!.id, from: 'alice' })]);
    await flipStoredByte(bob.db.requests, first!.id);
    expect(await bob.call('shareRequestList', {})).toMatchObject({ requests: [], damaged: 1 });
    expect(await bob.code('shareRequestAccept', { id: first!.id })).toBe('corrupted');
  });
});
