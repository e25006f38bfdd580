/**
 * The outbox against a relay that refuses for good, through the real handlers and the real relay app:
 * a revoke is never dropped. Before, a relay that answered the revoke with a refusal (as one did for a
 * share id the recipient had taken over from a second identity) made the client drop both the relay-side
 * revoke and the revoke envelope, while the owner's access panel said "revoked" with nothing pending.
 */
import { describe, expect, it } from 'vitest';
import { ENVELOPES_PATH, REVOKE_PATH } from '../../../lib/relay-protocol/relay-paths';
import { addByCode, addLogin, person, receivedRows, world } from '../background/people';

/** A relay answer refusing for good, as the relay did for a share id another identity held. */
const refusal = () => new Response(JSON.stringify({ error: 'invalid-request', message: 'refused' }), { status: 400, headers: { 'content-type': 'application/json' } });

describe('flushOutbox and revokes (T04)', () => {
  it('T04: a revoke the relay refuses stays pending with a lasting error in the access panel, and goes out once the relay takes it', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const bobId = await addByCode(alice, bob);
    await addByCode(bob, alice);
    const itemId = await addLogin(alice, { title: 'Router' });
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const [offer] = (await bob.call('inboxList', {})).shares;
    await bob.call('inboxAnswer', { id: offer!.id, answer: 'accept', confirmedUnverified: false });
    await alice.call('sharingSync', {});

    // The relay refuses the relay-side revoke and every post from now on.
    let refusing = true;
    w.relay.tamper = async (request) => {
      const path = new URL(request.url).pathname;
      return refusing && (path === REVOKE_PATH || path === ENVELOPES_PATH) ? refusal() : undefined;
    };
    const result = await alice.call('shareRevoke', { itemId });
    expect(result).toMatchObject({ revoked: 1, pending: 1 });
    // Still pending after more syncs: not dropped, and the panel says so, with why.
    for (let i = 0; i < 2; i++) await alice.call('sharingSync', {});
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(2);
    const [entry] = (await alice.call('shareList', { itemId })).entries;
    expect(entry).toMatchObject({ handle: 'bob', state: 'revoked', revokePending: true });
    expect(entry!.revokeError).toMatch(/not delivered/);
    await bob.call('sharingSync', {});
    expect(await receivedRows(bob)).toHaveLength(1);

    refusing = false;
    await alice.call('sharingSync', {});
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(0);
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'revoked', revokePending: false, revokeError: null });
    await bob.call('sharingSync', {});
    expect(await receivedRows(bob)).toEqual([]);
  });

  it('T04: while a revoke is held, later operations of the same share wait behind it and other shares go out', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const bobId = await addByCode(alice, bob);
    await addByCode(bob, alice);
    const first = await addLogin(alice, { title: 'First' });
    const second = await addLogin(alice, { title: 'Second' });
    await alice.call('shareCreate', { itemId: first, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    let refusing = true;
    w.relay.tamper = async (request) => (refusing && new URL(request.url).pathname === REVOKE_PATH ? refusal() : undefined);
    await alice.call('shareRevoke', { itemId: first });
    await alice.call('shareCreate', { itemId: second, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    // The relay-side revoke waits (refused), its revoke envelope waits behind it; the new share went out.
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(2);
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares.map((s) => s.title).sort()).toEqual(['First', 'Second']);
    refusing = false;
    await alice.call('sharingSync', {});
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(0);
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares.map((s) => s.title)).toEqual(['Second']);
  });
});
