/**
 * The store contract, run against SQLite and PostgreSQL alike: identities first come first served,
 * nonces and rate counters shared by every process, batches stored whole or not at all, mailbox limits
 * exact under concurrent posts, mailboxes isolated, revocation of the poster's own envelopes, purge by expiry.
 */
import { beforeEach, expect, it } from 'vitest';
import type { EnvelopeToStore, RelayStore, StorageLimits } from '../../relay/store/relay-store';
import { signIdentityBundle } from '../../lib/relay-protocol/sign-identity-bundle';
import { makeUser, shareId, T0 } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const HOUR = 3_600_000;
const LIMITS: StorageLimits = { mailbox: { maxEnvelopes: 1000, maxBytes: 16 * 1024 * 1024 }, storageMaxBytes: 1 << 30 };
const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');

function envelope(recipient: string, share: string, text = `sealed-${recipient}-${share}`, expiresAt = T0 + HOUR): EnvelopeToStore {
  return { recipient, shareId: share, postId: crypto.randomUUID(), expiresAt, envelope: text, size: Buffer.byteLength(text) };
}

describeStores('relay store', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let store: RelayStore;

  beforeEach(async () => {
    opened = openedStore();
    store = opened.store;
    for (const user of [alice, bob, carol]) await store.registerIdentity(user.bundle, T0);
  });

  it('migrates again without error and from two processes at once', async () => {
    await store.migrate();
    const [first, second] = await Promise.all([opened.openSibling(), opened.openSibling()]);
    expect(await first!.findIdentity('alice')).toEqual(alice.bundle);
    expect(await second!.findIdentity('bob')).toEqual(bob.bundle);
  });

  it('registers a handle once and returns the first bundle to a later claim', async () => {
    const mallory = makeUser('alice');
    expect(await store.registerIdentity(mallory.bundle, T0 + 1)).toEqual({ created: false, existing: alice.bundle });
    expect(await store.findIdentity('alice')).toEqual(alice.bundle);
    expect(await store.findIdentity('nobody')).toBeNull();
  });

  it('issue 16: upgrades a bundle in place only for the same X25519 and Ed25519 keys', async () => {
    const dave = makeUser('dave');
    const { xwingKey: _pq, xwingSecretKey: _pqSecret, ...classic } = dave.identity;
    const v1 = signIdentityBundle(classic);
    await store.registerIdentity(v1, T0);
    // Another person's v2 bundle under the same handle changes nothing.
    expect(await store.upgradeIdentity({ ...makeUser('dave').bundle })).toBe(false);
    expect(await store.findIdentity('dave')).toEqual(v1);
    expect(await store.upgradeIdentity(dave.bundle)).toBe(true);
    expect(await store.findIdentity('dave')).toEqual(dave.bundle);
    expect(await store.upgradeIdentity(makeUser('nobody').bundle)).toBe(false);
  });

  it('refuses a nonce the second time for the same handle only, until it expires', async () => {
    expect(await store.claimNonce('alice', 'a'.repeat(32), T0 + 1000)).toBe(true);
    expect(await store.claimNonce('alice', 'a'.repeat(32), T0 + 1000)).toBe(false);
    expect(await store.claimNonce('bob', 'a'.repeat(32), T0 + 1000)).toBe(true);
    const sibling = await opened.openSibling();
    expect(await sibling.claimNonce('alice', 'a'.repeat(32), T0 + 1000)).toBe(false);
    expect((await store.purgeExpired(T0 + 1000)).nonces).toBe(2);
    expect(await store.claimNonce('alice', 'a'.repeat(32), T0 + 2000)).toBe(true);
  });

  it('counts requests per key and window, across processes', async () => {
    const sibling = await opened.openSibling();
    expect(await store.countRequest('id:alice', T0, T0 + 60_000)).toBe(1);
    expect(await sibling.countRequest('id:alice', T0, T0 + 60_000)).toBe(2);
    expect(await store.countRequest('id:bob', T0, T0 + 60_000)).toBe(1);
    expect(await store.countRequest('id:alice', T0 + 60_000, T0 + 120_000)).toBe(1);
    expect((await store.purgeExpired(T0 + 60_000)).rateCounters).toBe(2);
  });

  it('stores a batch with ids in request order and lists each mailbox oldest first', async () => {
    const share = shareId();
    const batch = [envelope('bob', share, 'one'), envelope('carol', share, 'two'), envelope('bob', share, 'three')];
    const outcome = await store.postEnvelopes('alice', batch, T0, LIMITS);
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    expect(outcome.ids).toHaveLength(3);
    expect([...outcome.ids].sort((a, b) => a - b)).toEqual(outcome.ids);
    const bobs = await store.listMailbox('bob', 0, 10, T0);
    expect(bobs.map((row) => [row.id, row.envelope])).toEqual([
      [outcome.ids[0], 'one'],
      [outcome.ids[2], 'three'],
    ]);
    expect(bobs[0]).toMatchObject({ sender: 'alice', shareId: share, postedAt: T0, expiresAt: T0 + HOUR });
    expect((await store.listMailbox('carol', 0, 10, T0)).map((row) => row.envelope)).toEqual(['two']);
    expect((await store.listMailbox('bob', outcome.ids[0]!, 10, T0)).map((row) => row.envelope)).toEqual(['three']);
    expect(await store.listMailbox('bob', 0, 1, T0)).toHaveLength(1);
  });

  it('refuses a whole batch naming unknown recipients, and stores nothing', async () => {
    const outcome = await store.postEnvelopes('alice', [envelope('bob', shareId()), envelope('dave', shareId()), envelope('erin', shareId())], T0, LIMITS);
    expect(outcome).toEqual({ ok: false, reason: 'unknown-recipient' });
    expect(await store.listMailbox('bob', 0, 10, T0)).toEqual([]);
  });

  it('refuses a batch that would overfill a mailbox by count or by bytes, counting only unexpired envelopes', async () => {
    const small: StorageLimits = { mailbox: { maxEnvelopes: 3, maxBytes: 100 }, storageMaxBytes: LIMITS.storageMaxBytes };
    const share = shareId();
    expect((await store.postEnvelopes('alice', [envelope('bob', share, 'x', T0 + 10), envelope('bob', share, 'y')], T0, small)).ok).toBe(true);
    expect(await store.postEnvelopes('alice', [envelope('bob', share), envelope('bob', share), envelope('carol', share)], T0, small)).toEqual({
      ok: false,
      reason: 'mailbox-full',
      recipients: ['bob'],
    });
    expect(await store.postEnvelopes('alice', [envelope('carol', share, 'z'.repeat(101))], T0, small)).toEqual({
      ok: false,
      reason: 'mailbox-full',
      recipients: ['carol'],
    });
    // Once the first has expired, two more fit.
    expect((await store.postEnvelopes('alice', [envelope('bob', share), envelope('bob', share)], T0 + 10, small)).ok).toBe(true);
    expect(await store.listMailbox('bob', 0, 10, T0 + 10)).toHaveLength(3);
  });

  it('counts a mailbox against its limit until each envelope is read, revoked, dropped on expiry or purged', async () => {
    const two: StorageLimits = { ...LIMITS, mailbox: { maxEnvelopes: 2, maxBytes: LIMITS.mailbox.maxBytes } };
    const share = shareId();
    const fill = async (expiresAt = T0 + HOUR) => store.postEnvelopes('alice', [envelope('bob', share, 'x', expiresAt), envelope('bob', share, 'y', expiresAt)], T0, two);
    const first = await fill();
    if (!first.ok) throw new Error('refused');
    expect(await store.postEnvelopes('alice', [envelope('bob', share)], T0, two)).toEqual({ ok: false, reason: 'mailbox-full', recipients: ['bob'] });
    await store.ackEnvelopes('bob', first.ids);
    expect((await fill()).ok).toBe(true);
    await store.revokeShare('alice', share, ['bob']);
    expect((await fill(T0 + 10)).ok).toBe(true);
    // Expired but still stored: not counted, whether a read dropped them or not.
    expect((await store.postEnvelopes('alice', [envelope('bob', share, 'z', T0 + 20)], T0 + 10, two)).ok).toBe(true);
    await store.listMailbox('bob', 0, 10, T0 + 20);
    expect((await store.postEnvelopes('alice', [envelope('bob', share), envelope('bob', share)], T0 + 20, two)).ok).toBe(true);
    expect(await store.postEnvelopes('alice', [envelope('bob', share)], T0 + 20, two)).toEqual({ ok: false, reason: 'mailbox-full', recipients: ['bob'] });
    await store.purgeExpired(T0 + 2 * HOUR);
    const sibling = await opened.openSibling();
    expect((await sibling.postEnvelopes('alice', [envelope('bob', share, 'a', T0 + 3 * HOUR), envelope('bob', share, 'b', T0 + 3 * HOUR)], T0 + 2 * HOUR, two)).ok).toBe(true);
  });

  it('keeps the mailbox limit exact under concurrent posts from two processes', async () => {
    const sibling = await opened.openSibling();
    const limits: StorageLimits = { ...LIMITS, mailbox: { maxEnvelopes: 10, maxBytes: LIMITS.mailbox.maxBytes } };
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? store : sibling).postEnvelopes('alice', [envelope('bob', shareId())], T0, limits)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
    expect(await store.listMailbox('bob', 0, 100, T0)).toHaveLength(10);
  });

  it('counts every envelope stored against the storage budget until it is read, revoked, dropped on expiry or purged', async () => {
    const budget: StorageLimits = { ...LIMITS, storageMaxBytes: 40 };
    const share = shareId();
    const ten = (recipient: string, expiresAt = T0 + HOUR) => envelope(recipient, share, '0123456789', expiresAt);
    const first = await store.postEnvelopes('alice', [ten('bob'), ten('carol'), ten('bob', T0 + 10), ten('carol', T0 + 10)], T0, budget);
    if (!first.ok) throw new Error('refused');
    expect(await store.postEnvelopes('alice', [ten('bob')], T0, budget)).toEqual({ ok: false, reason: 'relay-full' });
    await store.ackEnvelopes('bob', [first.ids[0]!]);
    expect((await store.postEnvelopes('alice', [ten('bob')], T0, budget)).ok).toBe(true);
    await store.revokeShare('alice', share, ['carol']);
    expect((await store.postEnvelopes('alice', [ten('bob'), ten('bob')], T0, budget)).ok).toBe(true);
    expect(await store.postEnvelopes('alice', [ten('bob')], T0, budget)).toEqual({ ok: false, reason: 'relay-full' });
    // Bob's read drops his expired one; the purge, everything expired.
    await store.listMailbox('bob', 0, 10, T0 + 10);
    expect((await store.postEnvelopes('alice', [ten('carol')], T0 + 10, budget)).ok).toBe(true);
    await store.purgeExpired(T0 + HOUR);
    const sibling = await opened.openSibling();
    expect((await sibling.postEnvelopes('alice', [ten('bob', T0 + 2 * HOUR), ten('bob', T0 + 2 * HOUR), ten('bob', T0 + 2 * HOUR)], T0 + HOUR, budget)).ok).toBe(true);
  });

  it("T04: stores a poster's post id once: a retried batch, or the same id twice in one batch, gives the first id and counts its bytes once", async () => {
    const budget: StorageLimits = { ...LIMITS, storageMaxBytes: 20 };
    const once = envelope('bob', shareId(), '0123456789');
    const first = await store.postEnvelopes('alice', [once, once], T0, budget);
    expect(first).toEqual({ ok: true, ids: [expect.any(Number), expect.any(Number)] });
    if (!first.ok) throw new Error('refused');
    expect(first.ids[1]).toBe(first.ids[0]);
    // The retry (another process, say) answers with the first id and stores nothing more, even on a full relay.
    const sibling = await opened.openSibling();
    expect(await sibling.postEnvelopes('alice', [once], T0 + 1, { ...budget, storageMaxBytes: 10 })).toEqual({ ok: true, ids: [first.ids[0]] });
    expect((await store.listMailbox('bob', 0, 10, T0)).map((entry) => entry.id)).toEqual([first.ids[0]]);
    // Ten bytes stored, not twenty: ten more still fit, twenty more do not.
    expect(await store.postEnvelopes('alice', [envelope('bob', shareId(), 'x'.repeat(11))], T0, budget)).toEqual({ ok: false, reason: 'relay-full' });
    expect((await store.postEnvelopes('alice', [envelope('bob', shareId(), 'x'.repeat(10))], T0, budget)).ok).toBe(true);
    // A post id is the poster's own: the same id from another poster is another post.
    const fromCarol = await store.postEnvelopes('carol', [{ ...once, envelope: 'carol-text', size: 10 }], T0, LIMITS);
    expect(fromCarol.ok && fromCarol.ids[0] !== first.ids[0]).toBe(true);
  });

  it("acknowledges only envelopes in the caller's own mailbox", async () => {
    const outcome = await store.postEnvelopes('alice', [envelope('bob', shareId()), envelope('carol', shareId())], T0, LIMITS);
    if (!outcome.ok) throw new Error('refused');
    const [toBob, toCarol] = outcome.ids as [number, number];
    expect(await store.ackEnvelopes('bob', [toBob, toCarol])).toBe(1);
    expect(await store.listMailbox('bob', 0, 10, T0)).toEqual([]);
    expect((await store.listMailbox('carol', 0, 10, T0)).map((row) => row.id)).toEqual([toCarol]);
  });

  it('revokes only the poster’s own envelopes under a share id, for all or only some recipients', async () => {
    const share = shareId();
    const other = shareId();
    await store.postEnvelopes('alice', [envelope('bob', share), envelope('carol', share), envelope('bob', other)], T0, LIMITS);
    expect(await store.revokeShare('bob', share, null)).toEqual({ dropped: 0 });
    expect(await store.revokeShare('alice', share, ['carol'])).toEqual({ dropped: 1 });
    expect(await store.listMailbox('carol', 0, 10, T0)).toEqual([]);
    expect(await store.revokeShare('alice', share, null)).toEqual({ dropped: 1 });
    expect((await store.listMailbox('bob', 0, 10, T0)).map((row) => row.shareId)).toEqual([other]);
    expect(await store.revokeShare('alice', shareId(), null)).toEqual({ dropped: 0 });
  });

  it('purges what has expired and hides expired envelopes from a listing', async () => {
    const share = shareId();
    await store.postEnvelopes('alice', [envelope('bob', share, 'short', T0 + HOUR), envelope('carol', share, 'long', T0 + 2 * HOUR)], T0, LIMITS);
    await store.claimNonce('alice', 'b'.repeat(32), T0 + 1000);
    await store.countRequest('addr:192.0.2.1', T0, T0 + 60_000);
    expect(await store.listMailbox('bob', 0, 10, T0 + HOUR)).toEqual([]);
    expect(await store.purgeExpired(T0 + HOUR)).toEqual({ envelopes: 0, postIds: 1, sessions: 0, nonces: 1, rateCounters: 1 });
    expect(await store.purgeExpired(T0 + 2 * HOUR)).toEqual({ envelopes: 1, postIds: 1, sessions: 0, nonces: 0, rateCounters: 0 });
    expect(await store.listMailbox('carol', 0, 10, T0 + 2 * HOUR)).toEqual([]);
  });
});
