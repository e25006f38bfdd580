/**
 * Expiry with a fake clock, against both stores: an expired envelope disappears from the mailbox at its
 * expiry (purge on read) and from the database on the purge, without waiting for anything real.
 */
import { beforeEach, expect, it } from 'vitest';
import { mailboxPageSchema } from '../../lib/relay-protocol/envelope-schemas';
import { ENVELOPES_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { makeUser, postBody, shareId, testApp } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const alice = makeUser('alice');
const bob = makeUser('bob');

describeStores('expiry and purge', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const listBob = async () => mailboxPageSchema.parse(await (await t.signed(bob, 'GET', MAILBOX_PATH)).json()).envelopes.map((e) => e.envelope);

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice, bob);
  });

  it('hides an envelope from its expiry on and deletes it on read', async () => {
    const share = shareId();
    await t.signed(alice, 'POST', ENVELOPES_PATH, {
      body: postBody([{ to: 'bob', shareId: share, envelope: 'one-hour', expiresAt: t.clock.now() + HOUR }]),
    });
    await t.signed(alice, 'POST', ENVELOPES_PATH, { body: postBody([{ to: 'bob', shareId: share, envelope: 'default' }]) });
    t.clock.advance(HOUR - 1);
    expect(await listBob()).toEqual(['one-hour', 'default']);
    t.clock.advance(1);
    expect(await listBob()).toEqual(['default']);
    expect(await opened.dumpRows()).not.toContain('one-hour');
  });

  it('purges every expired row after 90 days at the latest: envelopes, nonces, rate counters', async () => {
    await t.signed(alice, 'POST', ENVELOPES_PATH, { body: postBody([{ to: 'bob', shareId: shareId(), envelope: 'never-read' }]) });
    t.clock.advance(90 * DAY);
    const purged = await opened.store.purgeExpired(t.clock.now());
    expect(purged.envelopes).toBe(1);
    // Two registrations and one post: three nonces; rate counters: one per registered key, Alice's, the
    // address's requests and the address's registrations.
    expect(purged.nonces).toBe(3);
    expect(purged.rateCounters).toBe(5);
    expect(await opened.store.purgeExpired(t.clock.now())).toEqual({ envelopes: 0, postIds: 0, sessions: 0, nonces: 0, rateCounters: 0 });
  });
});
