/**
 * Post-quantum sharing through the WIRED client (issue 16, DESIGN §12, T27 with T11): the real handlers,
 * relay client, sync and relay. New identities share on the X-Wing suite both ways (offers, receipts,
 * updates, edit proposals); an identity made before bundle v2 upgrades at its first sync and its contacts
 * see an upgrade, not a key change; a relay that serves the v1 bundle of an upgraded contact, or carries a
 * classic envelope sealed after the sender had the recipient's X-Wing key, is refused.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/base64';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { bundleFingerprint } from '../../../lib/sharing/identity/bundle-fingerprint';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { sealIdentity } from '../../../lib/sharing/identity/seal-identity';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { commitSharing } from '../../../lib/sharing/store/commit-sharing';
import { readIdentity } from '../../../lib/sharing/store/read-identity';
import { sealProfile } from '../../../lib/sharing/store/sharing-profile';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';
import { craftEnvelope } from '../craft-envelope';
import { addByCode, addLogin, DAY, person, receivedRows, world, type Person, type World } from './people';
import { RELAY_URL, type Tamper } from './relay-harness';

interface Posted {
  address: { suite: string };
  enc: string;
}

/** Every envelope posted to the relay so far, by anyone, as the relay saw it. */
function posted(w: World): Posted[] {
  return w.relay.seen
    .filter((r) => r.path === '/v1/envelopes' && r.method === 'POST')
    .flatMap((r) => (JSON.parse(r.body) as { envelopes: { envelope: string }[] }).envelopes.map((e) => JSON.parse(e.envelope) as Posted));
}

/** The stored identity of `p`, secret keys included (the test plays the person's own device). */
async function identityOf(p: Person): Promise<Identity> {
  const opened = await readIdentity(p.db, await p.service.session.require());
  if (!opened) throw new Error(`${p.handle} has no identity`);
  return opened.identity;
}

/** The same identity as it was before bundle v2: no X-Wing key. */
function classicOf(identity: Identity): Identity {
  const { xwingKey: _pq, xwingSecretKey: _pqSecret, ...classic } = identity;
  return classic;
}

/** Answers lookups of `handle` with `bundle`; everything else goes to the real relay. */
function serveBundle(handle: string, bundle: unknown): Tamper {
  return async (request) => (new URL(request.url).pathname === `/v1/identities/${handle}` && request.method === 'GET' ? Response.json(bundle) : undefined);
}

/** Stores `envelope` in `to`'s mailbox as the relay's own write. */
async function plant(w: World, from: string, to: string, envelope: string): Promise<void> {
  const outcome = await w.relay.store.postEnvelopes(from, [{ recipient: to, shareId: newShareId(), postId: crypto.randomUUID(), expiresAt: w.clock.now + DAY, envelope, size: envelope.length }], w.clock.now, { mailbox: { maxEnvelopes: 1000, maxBytes: 1 << 24 }, storageMaxBytes: 1 << 30 });
  if (!outcome.ok) throw new Error(`plant: ${outcome.reason}`);
}

/**
 * A person whose identity was made before bundle v2, registered on the relay with its v1 bundle: set up
 * without sharing, then given a classic identity and its registration as an older version left them.
 */
async function classicPerson(w: World, handle: string): Promise<Person> {
  const p = await person(w, handle, false);
  const vault = await p.service.session.require();
  const classic = classicOf(generateIdentity(handle, w.clock.now));
  const registered = await w.relay.store.registerIdentity(signIdentityBundle(classic), w.clock.now);
  expect(registered.created).toBe(true);
  const profile = { relayUrl: RELAY_URL, registered: true, seen: [], lastSyncAt: null, lastError: null, refusals: [] };
  await commitSharing(p.db, vault, { identity: { id: 'me', keys: sealIdentity(vault.vaultKey, vault.vaultId, classic), profile: sealProfile(vault, profile) } }, w.clock.now);
  return p;
}

async function shareAccepted(owner: Person, recipient: Person, contactId: string, itemId: string) {
  await owner.call('shareCreate', { itemId, contactIds: [contactId], permission: 'edit', expiry: 'none', confirmedUnverified: false });
  await recipient.call('sharingSync', {});
  const [entry] = (await recipient.call('inboxList', {})).shares;
  await recipient.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
  await owner.call('sharingSync', {});
}

describe('issue 16: post-quantum sharing, wired', () => {
  it('two new identities share on the X-Wing suite only: offers, receipts, updates and edit proposals, each with a 1,120-byte encapsulation', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    expect((await w.relay.store.findIdentity('alice'))?.v).toBe(2);
    const bobId = await addByCode(alice, bob);
    await addByCode(bob, alice);
    const contact = (await alice.call('contactGet', { id: bobId })).contact;
    expect(contact).toMatchObject({ postQuantum: true, upgradedAt: null, state: 'verified' });
    const itemId = await addLogin(alice, { title: 'Staging DB', password: 'first-password' });
    await shareAccepted(alice, bob, bobId, itemId);
    const [row] = await receivedRows(bob);
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Staging DB', password: 'second-password' } });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    const { view } = await bob.call('receivedGet', { id: row!.id });
    expect(view.item.content).toMatchObject({ password: 'second-password' });
    await bob.call('receivedEdit', { id: row!.id, item: { type: 'login', title: 'Staging DB', password: 'third-password' }, baseVersion: view.item.rev });
    await alice.call('sharingSync', {});
    expect((await alice.call('itemGet', { id: itemId })).item.content).toMatchObject({ password: 'third-password' });
    const envelopes = posted(w);
    // Offer, delivered and accepted receipts, an update, an edit proposal: at least five, all post-quantum.
    expect(envelopes.length).toBeGreaterThanOrEqual(5);
    for (const e of envelopes) {
      expect(e.address.suite).toBe('xwing');
      expect(fromBase64(e.enc)).toHaveLength(1120);
    }
    expect((await bob.call('sharingStatus', {})).refusals).toEqual([]);
    expect((await alice.call('sharingStatus', {})).refusals).toEqual([]);
  });

  it('an identity made before bundle v2 upgrades at its first sync; its contact sees "upgraded" (same keys, still verified, the number change explained) and shares with it go post-quantum', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const carol = await classicPerson(w, 'carol');
    const carolId = await addByCode(alice, carol);
    // Carol pins alice too, so alice's offers reach her inbox rather than waiting as requests (T02).
    await addByCode(carol, alice);
    const before = (await alice.call('contactGet', { id: carolId })).contact;
    expect(before).toMatchObject({ state: 'verified', postQuantum: false });
    // Before carol's upgrade reaches alice, alice's shares to her are classic.
    const first = await addLogin(alice, { title: 'Old share' });
    await alice.call('shareCreate', { itemId: first, contactIds: [carolId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    expect(posted(w).map((e) => e.address.suite)).toEqual(['x25519']);

    w.clock.now += 60_000;
    await carol.call('sharingSync', {});
    const carolNow = await identityOf(carol);
    expect(carolNow.xwingKey).toHaveLength(1216);
    expect(carolNow.encryptionKey).toEqual(fromBase64(signIdentityBundle(classicOf(carolNow)).encryptionKey));
    expect(await w.relay.store.findIdentity('carol')).toMatchObject({ v: 2, xwingKey: toBase64(carolNow.xwingKey!) });
    // Carol still opens the classic offer alice sealed to her unchanged X25519 key.
    expect((await carol.call('inboxList', {})).shares).toHaveLength(1);

    // Alice's next share looks carol up first (T01 recheck): an upgrade, not a key change.
    const second = await addLogin(alice, { title: 'New share' });
    await alice.call('shareCreate', { itemId: second, contactIds: [carolId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const after = (await alice.call('contactGet', { id: carolId })).contact;
    expect(after).toMatchObject({ state: 'verified', postQuantum: true, upgradedAt: w.clock.now, offered: null });
    expect(after.safetyNumber).not.toBe(before.safetyNumber);
    expect(after.fingerprint).toBe(toBase64(bundleFingerprint(carolNow)));
    expect(posted(w).map((e) => e.address.suite).slice(-1)).toEqual(['xwing']);
    await carol.call('sharingSync', {});
    expect((await carol.call('inboxList', {})).shares).toHaveLength(2);
    expect((await carol.call('sharingStatus', {})).refusals).toEqual([]);
  });

  it('T27/T11: a relay serving the v1 bundle of an upgraded contact is refused: the X-Wing key stays pinned, and the share still goes post-quantum', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const bobId = await addByCode(alice, bob);
    // The v1 bundle of bob's same keys, signed by bob (as the relay kept it from before his upgrade).
    w.relay.tamper = serveBundle('bob', signIdentityBundle(classicOf(await identityOf(bob))));
    expect((await alice.call('contactAdd', { handle: 'bob' })).change).toBe('downgrade-refused');
    const itemId = await addLogin(alice);
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    expect((await alice.call('contactGet', { id: bobId })).contact).toMatchObject({ state: 'verified', postQuantum: true });
    expect(posted(w).map((e) => e.address.suite)).toEqual(['xwing']);
  });

  it('T27/T11: a classic envelope sealed after the sender had the recipient\'s X-Wing key is refused, with one reason and nothing stored', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    await addByCode(alice, bob);
    await addByCode(bob, alice);
    const aliceKeys = await identityOf(alice);
    const bobKeys = await identityOf(bob);
    const item = itemContentSchema.parse({ type: 'login', title: 'Downgraded', username: 'bob', password: 'x', urls: ['https://db.example.org/'], createdAt: w.clock.now, updatedAt: w.clock.now });
    const header = {
      v: 2 as const,
      suite: 'x25519' as const,
      kind: 'share-offer' as const,
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(aliceKeys)) },
      // Alice's client had bob's whole v2 bundle pinned (this fingerprint covers his X-Wing key) …
      recipient: { fingerprint: toBase64(bundleFingerprint(bobKeys)) },
      shareId: newShareId(),
      itemId: 'item-1',
      version: 1,
      created: w.clock.now,
    };
    const body = { kind: 'share-offer', item, permission: 'view', expiresAt: null };
    // … and yet it is sealed to his X25519 key alone, properly signed by alice: a downgrade.
    await plant(w, 'alice', 'bob', craftEnvelope({ header, body, signer: aliceKeys.signingSecretKey, sealTo: bobKeys.encryptionKey }));
    // The same with the post-quantum suite named but a classic encapsulation inside.
    await plant(w, 'alice', 'bob', craftEnvelope({ header: { ...header, suite: 'xwing' }, body, signer: aliceKeys.signingSecretKey, sealTo: bobKeys.encryptionKey, kem: 'x25519' }));
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toEqual([]);
    expect(await bob.db.received.count()).toBe(0);
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['misaddressed', 'malformed']);
  });
});
