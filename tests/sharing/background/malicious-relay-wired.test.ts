/**
 * The malicious-relay suite against the WIRED client (S6): the real relay app behind a layer that lies,
 * and the extension's real handlers, relay client, sync, outbox and storage. Each case is named by its
 * THREATS.md scenario and shows the client failing safely: nothing planted in the vault, the inbox or
 * the fill lookup; nothing sealed to a key the user has not pinned (so nothing learned); and the user
 * warned where the design says so (unverified and changed contacts, refusals in the sharing status,
 * the owner's rotation notice). The library-level cases are in tests/sharing/malicious-relay.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { mailboxPageSchema } from '../../../lib/relay-protocol/envelope-schemas';
import { EnvelopeError } from '../../../lib/sharing/envelope/envelope-error';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Identity, PublicIdentity } from '../../../lib/sharing/identity/identity';
import { bundleFingerprint } from '../../../lib/sharing/identity/bundle-fingerprint';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
import { openEnvelope } from '../../../lib/sharing/envelope/open-envelope';
import { publicIdentityFromBundle } from '../../../lib/sharing/identity/public-identity-from-bundle';
import { readEnvelopeAddress } from '../../../lib/sharing/envelope/read-envelope-address';
import { findReceivedBySite } from '../../../lib/sharing/recipient/find-received-by-site';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';
import { craftEnvelope, rewrite } from '../craft-envelope';
import { ok, startService } from '../../vault-service/fakes';
import { addByCode, addLogin, DAY, HOUR, person, receivedRows, world, type Person, type World } from './people';
import type { Tamper } from './relay-harness';

/** The relay's own identity for `handle`: valid keys and a valid self-signed bundle, just not that person's. */
function relayOwn(handle: string, now: number): Identity {
  return generateIdentity(handle, now);
}

async function publicOf(w: World, handle: string): Promise<PublicIdentity> {
  const bundle = await w.relay.store.findIdentity(handle);
  if (!bundle) throw new Error(`no bundle for ${handle}`);
  return publicIdentityFromBundle(bundle);
}

/** Answers lookups of `handle` with `bundle`; everything else goes to the real relay. */
function lieAboutKey(handle: string, impostor: Identity): Tamper {
  return async (request) => (new URL(request.url).pathname === `/v1/identities/${handle}` && request.method === 'GET' ? Response.json(signIdentityBundle(impostor)) : undefined);
}

/** Rewrites the mailbox pages the relay lists to `handle` (the caller named by a signed call's header or by its session). */
function rewriteMailbox(w: World, handle: string, change: (entries: ReturnType<typeof mailboxPageSchema.parse>['envelopes']) => unknown[]): Tamper {
  return async (request, forward) => {
    if (new URL(request.url).pathname !== '/v1/mailbox') return undefined;
    const caller = request.headers.get('sealpass-handle') ?? (await w.relay.store.findSession(request.headers.get('sealpass-session') ?? '', w.clock.now))?.handle;
    if (caller !== handle) return undefined;
    const page = mailboxPageSchema.parse(await (await forward(request)).json());
    return Response.json({ ...page, envelopes: change(page.envelopes) });
  };
}

/** Stores `envelope` in `to`'s mailbox as the relay's own write (the store trusts its caller). */
async function plant(w: World, from: string, to: string, envelope: string): Promise<void> {
  const shareId = newShareId();
  const outcome = await w.relay.store.postEnvelopes(from, [{ recipient: to, shareId, postId: crypto.randomUUID(), expiresAt: w.clock.now + DAY, envelope, size: envelope.length }], w.clock.now, { mailbox: { maxEnvelopes: 1000, maxBytes: 1 << 24 }, storageMaxBytes: 1 << 30 });
  if (!outcome.ok) throw new Error(`plant: ${outcome.reason}`);
}

/** Everything the recipient could have been given: inbox, list, fill lookup for a site, stored copies. */
async function holdings(p: Person, site: string) {
  const vault = await p.service.session.require();
  return {
    inbox: (await p.call('inboxList', {})).shares.length,
    listed: (await receivedRows(p)).length,
    fillable: (await findReceivedBySite(p.db, vault, site, p.service.clock.now)).length,
    stored: await p.db.received.count(),
  };
}
const NOTHING = { inbox: 0, listed: 0, fillable: 0, stored: 0 };

/** The envelopes the owner posted, as the relay saw them. */
function postedEnvelopes(w: World): string[] {
  return w.relay.seen.filter((r) => r.path === '/v1/envelopes').flatMap((r) => (JSON.parse(r.body) as { envelopes: { envelope: string }[] }).envelopes.map((e) => e.envelope));
}

async function pair() {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const bobId = await addByCode(alice, bob);
  await addByCode(bob, alice);
  return { w, alice, bob, bobId };
}

async function shareAccepted(alice: Person, bob: Person, bobId: string, itemId: string, expiry: 'none' | '1d' = 'none') {
  await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry, confirmedUnverified: false });
  await bob.call('sharingSync', {});
  const [entry] = (await bob.call('inboxList', {})).shares;
  await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
  await alice.call('sharingSync', {});
  return entry!.id;
}

describe('S6: a relay that lies, against the wired client', () => {
  it('T01 (a) the relay answers a handle lookup with its own key: pinned only as unverified, nothing sealed without a confirmation, the safety numbers disagree, and a contact code repairs it', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const impostor = relayOwn('bob', w.clock.now);
    w.relay.tamper = lieAboutKey('bob', impostor);
    const { id } = await alice.call('contactAdd', { handle: 'bob' });
    const atAlice = (await alice.call('contactGet', { id })).contact;
    expect(atAlice).toMatchObject({ state: 'unverified', fingerprint: toBase64(bundleFingerprint(impostor)) });
    w.relay.tamper = null;
    const atBob = (await bob.call('contactGet', { id: (await bob.call('contactAdd', { handle: 'alice' })).id })).contact;
    // Comparing safety numbers in person exposes the swap.
    expect(atAlice.safetyNumber).not.toBe(atBob.safetyNumber);

    const itemId = await addLogin(alice, { password: 'never-to-the-relay' });
    w.relay.tamper = lieAboutKey('bob', impostor);
    expect(await alice.code('shareCreate', { itemId, contactIds: [id], permission: 'view', expiry: 'none', confirmedUnverified: false })).toBe('forbidden');
    expect(postedEnvelopes(w)).toEqual([]);
    expect(await alice.db.shares.count()).toBe(0);

    // Bob's contact code, scanned in person, carries the hash of his X-Wing key (issue 16): while the relay
    // keeps showing its own bundle, the code is refused and nothing changes; once the relay shows bob's
    // real bundle, the code replaces the relay's key with the real one (verified).
    const bobCode = (await bob.call('sharingStatus', {})).identity!.contactCode;
    expect(await alice.code('contactAddCode', { code: bobCode })).toBe('corrupted');
    expect((await alice.call('contactGet', { id })).contact).toMatchObject({ state: 'unverified', fingerprint: toBase64(bundleFingerprint(impostor)) });
    w.relay.tamper = null;
    expect((await alice.call('contactAddCode', { code: bobCode })).change).toBe('verified');
    await alice.call('shareCreate', { itemId, contactIds: [id], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [sent] = postedEnvelopes(w);
    // Sealed to bob's real keys, all of them (his X-Wing key included: the post-quantum suite, T27).
    expect(readEnvelopeAddress(sent).address).toMatchObject({ suite: 'xwing', recipient: { fingerprint: toBase64(bundleFingerprint(await publicOf(w, 'bob'))) } });
    // The relay's key opens nothing that was sealed to bob.
    expect(() => openEnvelope(sent, impostor, { handle: 'alice', encryptionKey: new Uint8Array(32), signingKey: new Uint8Array(32) })).toThrow(EnvelopeError);
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toHaveLength(1);
  });

  it('T02 (b) the relay forges a share "from alice" with a phishing URL: refused, nothing planted, the refusal is shown', async () => {
    const { w, bob } = await pair();
    const alicePublic = await publicOf(w, 'alice');
    const bobPublic = await publicOf(w, 'bob');
    const forger = relayOwn('alice', w.clock.now);
    const item = itemContentSchema.parse({ type: 'login', title: 'Your bank', username: 'bob', password: 'x', urls: ['https://phish.example/login'], createdAt: w.clock.now, updatedAt: w.clock.now });
    const header = {
      v: 2 as const,
      suite: 'x25519' as const,
      kind: 'share-offer' as const,
      sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(alicePublic)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bobPublic)) },
      shareId: newShareId(),
      itemId: 'forged',
      version: 1,
      created: w.clock.now,
    };
    // Signed with the relay's key, sealed to bob's real key, claiming alice's pinned fingerprint.
    await plant(w, 'alice', 'bob', craftEnvelope({ header, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null }, signer: forger.signingSecretKey, sealTo: bobPublic.encryptionKey }));
    // And one with the relay's own fingerprint in the header: misaddressed for the pinned alice.
    await plant(w, 'alice', 'bob', craftEnvelope({ header: { ...header, sender: { handle: 'alice', fingerprint: toBase64(keyFingerprint(forger)) } }, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null }, signer: forger.signingSecretKey, sealTo: bobPublic.encryptionKey }));
    await plant(w, 'alice', 'bob', '{"v":1,"not":"an envelope"}');
    await bob.call('sharingSync', {});
    expect(await holdings(bob, 'https://phish.example/login')).toEqual(NOTHING);
    const { refusals } = await bob.call('sharingStatus', {});
    expect(refusals.map((r) => r.reason)).toEqual(['unauthentic', 'misaddressed', 'malformed']);
    expect((await bob.call('auditList', {})).events.some((e) => e.type.startsWith('share-'))).toBe(false);
  });

  it('T03 (c) the relay delivers Bob\'s envelope to Carol: Carol refuses it, Bob still gets his', async () => {
    const { w, alice, bob, bobId } = await pair();
    const carol = await person(w, 'carol');
    await addByCode(carol, alice);
    const itemId = await addLogin(alice, { urls: ['https://db.example.org/'] });
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [forBob] = postedEnvelopes(w);
    await plant(w, 'alice', 'carol', forBob!);
    await carol.call('sharingSync', {});
    expect(await holdings(carol, 'https://db.example.org/')).toEqual(NOTHING);
    expect((await carol.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['misaddressed']);
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toHaveLength(1);
  });

  it('T03 (d) the relay cannot see item ids to swap; spliced envelopes are refused and a moved ciphertext stays its own message', async () => {
    const { w, alice, bob, bobId } = await pair();
    const one = await addLogin(alice, { title: 'One', urls: ['https://one.example/'] });
    const two = await addLogin(alice, { title: 'Two', urls: ['https://two.example/'] });
    await alice.call('shareCreate', { itemId: one, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await alice.call('shareCreate', { itemId: two, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [first, second] = postedEnvelopes(w);
    // Sealed inside (T07): nothing names the item, its share or its kind.
    for (const text of [first!, second!]) for (const hidden of [one, two, '"shareId"', 'share-offer']) expect(text).not.toContain(hidden);
    w.relay.tamper = rewriteMailbox(w, 'bob', (entries) => {
      const [a, b] = entries.map((e) => JSON.parse(e.envelope) as { enc: string; ct: string });
      // Entry 0: its own ciphertext with the other's encapsulated key. Entry 1: the other's whole ciphertext.
      return [rewrite(entries[0]!.envelope, (e) => ({ ...e, enc: b!.enc })), rewrite(entries[1]!.envelope, (e) => ({ ...e, enc: a!.enc, ct: a!.ct }))].map((envelope, i) => ({
        ...entries[i]!,
        envelope,
      }));
    });
    await bob.call('sharingSync', {});
    // The spliced one is refused; the moved one opens as what Alice sealed in it, item id and all.
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['unauthentic']);
    expect((await bob.call('inboxList', {})).shares.map((s) => s.title)).toEqual(['One']);
  });

  it('T04 (e) the relay replays an old version after an update, and an offer after a revoke: the copy keeps the newest version, the revoked share stays gone', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { password: 'version-one', urls: ['https://db.example.org/'] });
    const id = await shareAccepted(alice, bob, bobId, itemId);
    const [offer] = postedEnvelopes(w);
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'version-two', urls: ['https://db.example.org/'] } });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    await plant(w, 'alice', 'bob', offer!);
    await bob.call('sharingSync', {});
    expect((await bob.call('receivedGet', { id })).view.item).toMatchObject({ rev: 2, content: { password: 'version-two' } });
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['stale-version']);

    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    await plant(w, 'alice', 'bob', offer!);
    await bob.call('sharingSync', {});
    expect(await holdings(bob, 'https://db.example.org/')).toEqual({ ...NOTHING, stored: 1 });
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['stale-version', 'share-closed']);
  });

  it('T04 (f) the relay drops a revocation: the owner is told to rotate, the old copy learns nothing new, and expiry still ends it', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { password: 'before-revoke', urls: ['https://db.example.org/'] });
    const id = await shareAccepted(alice, bob, bobId, itemId, '1d');
    // The kind is sealed (T07), but the relay sees which share id was revoked: it claims to drop undelivered
    // envelopes, drops none, and hides whatever is posted under that share id from then on.
    const revoked = new Set<string>();
    const hidden = new Set<string>();
    w.relay.tamper = async (request, forward) => {
      const path = new URL(request.url).pathname;
      if (path === '/v1/shares/revoke') {
        revoked.add(((await request.clone().json()) as { shareId: string }).shareId);
        return Response.json({ dropped: 0 });
      }
      if (path === '/v1/envelopes') {
        const { envelopes } = (await request.clone().json()) as { envelopes: { shareId: string; envelope: string }[] };
        for (const e of envelopes) if (revoked.has(e.shareId)) hidden.add(e.envelope);
      }
      return rewriteMailbox(w, 'bob', (entries) => entries.filter((e) => !hidden.has(e.envelope)))(request, forward);
    };
    w.clock.now += 1;
    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    // The relay can withhold the revoke, so the copy stays for now…
    expect((await bob.call('receivedGet', { id })).view.item.content).toMatchObject({ password: 'before-revoke' });
    // …but the owner is told to rotate, and what she rotates to never travels to bob.
    expect((await alice.call('shareList', { itemId })).rotate).toEqual([expect.objectContaining({ handle: 'bob' })]);
    const postedBefore = postedEnvelopes(w).length;
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'after-rotation', urls: ['https://db.example.org/'] } });
    await alice.call('sharingSync', {});
    expect(postedEnvelopes(w).length).toBe(postedBefore);
    await bob.call('sharingSync', {});
    expect((await bob.call('receivedGet', { id })).view.item.content).toMatchObject({ password: 'before-revoke' });
    // The expiry the owner set still deletes it on bob's own clock.
    w.clock.now += DAY;
    await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' });
    expect(await holdings(bob, 'https://db.example.org/')).toEqual({ ...NOTHING, stored: 1 });
  });

  it('T01 (g) the relay changes a pinned contact\'s key: sharing and updates are blocked with a warning until re-verified', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { password: 'first' });
    await shareAccepted(alice, bob, bobId, itemId);
    const impostor = relayOwn('bob', w.clock.now);
    w.relay.tamper = lieAboutKey('bob', impostor);
    const other = await addLogin(alice, { title: 'Other' });
    const posted = postedEnvelopes(w).length;
    expect(await alice.code('shareCreate', { itemId: other, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true })).toBe('forbidden');
    const contact = (await alice.call('contactGet', { id: bobId })).contact;
    expect(contact.state).toBe('changed');
    expect(contact.offered?.fingerprint).toBe(toBase64(bundleFingerprint(impostor)));
    expect(contact.offered?.safetyNumber).not.toBe(contact.safetyNumber);
    // Edits to what bob already has are held back too, and shown as pending.
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'second' } });
    await alice.call('sharingSync', {});
    expect(postedEnvelopes(w).length).toBe(posted);
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ contactState: 'changed', updatePending: true });
    // Bob's contact code, checked in person, confirms the keys pinned before: verified again, updates flow.
    // It carries the hash of his X-Wing key (issue 16), so it is refused while the relay shows other keys.
    const bobCode = (await bob.call('sharingStatus', {})).identity!.contactCode;
    expect(await alice.code('contactAddCode', { code: bobCode })).toBe('corrupted');
    w.relay.tamper = null;
    await alice.call('contactAddCode', { code: bobCode });
    await alice.call('sharingSync', {});
    expect((await alice.call('contactGet', { id: bobId })).contact).toMatchObject({ state: 'verified', offered: null });
    expect(postedEnvelopes(w).length).toBe(posted + 1);
  });

  it('T06 an envelope "from myself" planted by the relay is refused', async () => {
    const { w, bob } = await pair();
    const bobPublic = await publicOf(w, 'bob');
    const fake = relayOwn('bob', w.clock.now);
    const header = {
      v: 2 as const,
      suite: 'x25519' as const,
      kind: 'share-offer' as const,
      sender: { handle: 'bob', fingerprint: toBase64(keyFingerprint(bobPublic)) },
      recipient: { fingerprint: toBase64(keyFingerprint(bobPublic)) },
      shareId: newShareId(),
      itemId: 'self',
      version: 1,
      created: w.clock.now,
    };
    const item = itemContentSchema.parse({ type: 'note', title: 'planted', createdAt: 1, updatedAt: 1 });
    await plant(w, 'bob', 'bob', craftEnvelope({ header, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null }, signer: fake.signingSecretKey, sealTo: bobPublic.encryptionKey }));
    await bob.call('sharingSync', {});
    expect(await holdings(bob, 'https://example.com/')).toEqual(NOTHING);
    expect((await bob.call('sharingStatus', {})).refusals).toHaveLength(1);
  });
});

/** Locks `p`'s vault and returns what brings it back: the key as storage.session held it (an unlock without Argon2id). */
async function lockKeeping(p: Person): Promise<() => void> {
  const kept = structuredClone(p.service.deps.keyStore.kept);
  await p.call('vaultLock', {});
  return () => {
    p.service.deps.keyStore.kept = kept;
  };
}

/** An offer "from `handle`" as the relay would forge it: its own keys, sealed to `to`'s real key. */
function forgedOffer(w: World, sender: Identity, to: PublicIdentity, title: string, url: string): string {
  const item = itemContentSchema.parse({ type: 'login', title, username: 'victim', password: 'attacker-chosen', urls: [url], createdAt: w.clock.now, updatedAt: w.clock.now });
  const header = {
    v: 2 as const,
    suite: 'x25519' as const,
    kind: 'share-offer' as const,
    sender: { handle: sender.handle, fingerprint: toBase64(keyFingerprint(sender)) },
    recipient: { fingerprint: toBase64(keyFingerprint(to)) },
    shareId: newShareId(),
    itemId: 'forged',
    version: 1,
    created: w.clock.now,
  };
  return craftEnvelope({ header, body: { kind: 'share-offer', item, permission: 'view', expiresAt: null }, signer: sender.signingSecretKey, sealTo: to.encryptionKey });
}

describe('S6: state around the envelopes (issue 12)', () => {
  it('T04 the copy expired while the vault was locked; the relay re-posts the older offer made before the owner shortened the expiry: refused, nothing comes back', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { password: 'long-lived', urls: ['https://db.example.org/'] });
    await shareAccepted(alice, bob, bobId, itemId);
    const [offer] = postedEnvelopes(w);
    // The owner shortens the expiry to one hour (version 2); bob's copy takes it.
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: '1h', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    expect(bob.alarm.at).toBe(w.clock.now + HOUR);
    const unlock = await lockKeeping(bob);
    w.clock.now += 2 * HOUR;
    expect(await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' })).toEqual({ removed: 1 });
    unlock();
    // The relay posts the version-1 offer (no expiry) again.
    await plant(w, 'alice', 'bob', offer!);
    await bob.call('sharingSync', {});
    expect(await holdings(bob, 'https://db.example.org/')).toEqual({ ...NOTHING, stored: 1 });
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['share-closed']);
    // No content of the expired copy is left on disk, only the tombstone.
    expect(JSON.stringify(await bob.db.received.toArray())).not.toContain('long-lived');
  });

  it('T04 the same at browser start: the alarm runs in a fresh background with no key, and the replay after the next unlock is refused', async () => {
    const { w, alice, bob, bobId } = await pair();
    const itemId = await addLogin(alice, { urls: ['https://db.example.org/'] });
    await shareAccepted(alice, bob, bobId, itemId);
    const [offer] = postedEnvelopes(w);
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: '1d', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const kept = structuredClone(bob.service.deps.keyStore.kept);
    w.clock.now += 2 * DAY;
    // A browser restart: storage.session is empty, the background starts locked and runs the expiry at once.
    const restarted = startService(bob.db, { clock: w.clock, sharing: { fetch: (input, init) => w.relay.fetch(input, init), scheduleExpiry: async () => undefined } });
    expect(await restarted.handlers.sharingExpire({}, { kind: 'extension-page' })).toEqual({ removed: 1 });
    restarted.deps.keyStore.kept = kept;
    // The relay re-posts the version-1 offer, which had no expiry.
    await plant(w, 'alice', 'bob', offer!);
    ok(await restarted.send('sharingSync', {}));
    expect(ok(await restarted.send('inboxList', {})).shares).toEqual([]);
    expect(ok(await restarted.send('receivedList', {})).items).toEqual([]);
    expect(ok(await restarted.send('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['share-closed']);
  });

  it('T02 an offer from a handle that is not pinned: nothing is pinned from the envelope, it waits in Requests, and it can be accepted only once the sender is verified', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const { id: bobAtAlice } = await alice.call('contactAdd', { handle: 'bob' });
    const itemId = await addLogin(alice, { title: 'From alice', urls: ['https://db.example.org/'] });
    await alice.call('shareCreate', { itemId, contactIds: [bobAtAlice], permission: 'view', expiry: 'none', confirmedUnverified: true });
    await bob.call('sharingSync', {});
    // Nothing pinned, nothing in the inbox; one request from "alice", without its content.
    expect((await bob.call('contactList', {})).contacts).toEqual([]);
    expect(await holdings(bob, 'https://db.example.org/')).toEqual(NOTHING);
    const { requests } = await bob.call('shareRequestList', {});
    expect(requests).toEqual([expect.objectContaining({ from: 'alice', fromState: 'unknown' })]);
    expect(JSON.stringify(requests)).not.toContain('From alice');
    expect(bob.service.deps.badge.counts.get('inbox')).toBe(1);
    // Not before the sender is verified: unknown, then pinned by handle only (not verified).
    expect(await bob.code('shareRequestAccept', { id: requests[0]!.id })).toBe('forbidden');
    const { id: aliceAtBob } = await bob.call('contactAdd', { handle: 'alice' });
    expect((await bob.call('shareRequestList', {})).requests[0]).toMatchObject({ fromState: 'unverified' });
    expect(await bob.code('shareRequestAccept', { id: requests[0]!.id })).toBe('forbidden');
    // Verified by safety number: now it opens with the pinned keys and joins the vault.
    await bob.call('contactVerify', { id: aliceAtBob, fingerprint: (await bob.call('contactGet', { id: aliceAtBob })).contact.fingerprint });
    await bob.call('shareRequestAccept', { id: requests[0]!.id });
    expect((await bob.call('shareRequestList', {})).requests).toEqual([]);
    expect(await receivedRows(bob)).toEqual([expect.objectContaining({ title: 'From alice', shared: expect.objectContaining({ by: 'alice' }) })]);
    await alice.call('sharingSync', {});
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'accepted' });
  });

  it('T02 the relay forges a first contact from "carol" with its own key: never pinned, never opened, and refused once the real carol is verified', async () => {
    const { w, bob } = await pair();
    const carol = await person(w, 'carol');
    const forger = relayOwn('carol', w.clock.now);
    w.relay.tamper = lieAboutKey('carol', forger);
    await plant(w, 'carol', 'bob', forgedOffer(w, forger, await publicOf(w, 'bob'), 'Your bank', 'https://phish.example/login'));
    await bob.call('sharingSync', {});
    expect((await bob.call('contactList', {})).contacts.map((c) => c.handle)).toEqual(['alice']);
    expect(await holdings(bob, 'https://phish.example/login')).toEqual(NOTHING);
    const [request] = (await bob.call('shareRequestList', {})).requests;
    expect(request).toMatchObject({ from: 'carol', fromState: 'unknown' });
    // Bob scans the real carol's contact code: the forged request does not open with her keys.
    w.relay.tamper = null;
    await addByCode(bob, carol);
    expect(await bob.code('shareRequestAccept', { id: request!.id })).toBe('forbidden');
    expect((await bob.call('shareRequestList', {})).requests).toEqual([]);
    expect(await holdings(bob, 'https://phish.example/login')).toEqual(NOTHING);
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['misaddressed']);
  });

  it('T06 the relay sends "from you" with a key of its own and shows that key for your handle: refused, never pinned under your own handle, never a request', async () => {
    const { w, bob } = await pair();
    const fake = relayOwn('bob', w.clock.now);
    w.relay.tamper = lieAboutKey('bob', fake);
    await plant(w, 'bob', 'bob', forgedOffer(w, fake, await publicOf(w, 'bob'), 'planted', 'https://self.example/'));
    await bob.call('sharingSync', {});
    expect(await holdings(bob, 'https://self.example/')).toEqual(NOTHING);
    expect((await bob.call('contactList', {})).contacts.map((c) => c.handle)).toEqual(['alice']);
    expect((await bob.call('shareRequestList', {})).requests).toEqual([]);
    expect((await bob.call('sharingStatus', {})).refusals.map((r) => r.reason)).toEqual(['misaddressed']);
  });
});
