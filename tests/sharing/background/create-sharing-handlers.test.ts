/**
 * The sharing handlers end to end between two (or three) vaults through the real relay app: setup and
 * registration, contacts and safety numbers, share → inbox → accept → fill lookup, owner edits, edit-back,
 * revoke with the rotation notice, expiry on the recipient's own clock (also while locked), receipts in
 * the access panel, the outbox while the relay is offline, and the audit events.
 */
import { describe, expect, it } from 'vitest';
import { findReceivedBySite } from '../../../lib/sharing/recipient/find-received-by-site';
import { addByClassicCode, addByCode, addLogin, DAY, HOUR, person, receivedRows, world, type Person } from './people';
import { RELAY_URL, startTestRelay } from './relay-harness';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { syntheticVault } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService } from '../../vault-service/fakes';

async function sharedPair() {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const bobId = await addByCode(alice, bob);
  const aliceId = await addByCode(bob, alice);
  return { w, alice, bob, bobId, aliceId };
}

/** Shares `itemId` from alice to bob, delivers it, and has bob accept it. @returns bob's received item id */
async function shareAndAccept(alice: Person, bob: Person, itemId: string, bobId: string, permission: 'view' | 'edit' | 'autofill-only', expiry: '1h' | 'none' | '1d' = 'none') {
  await alice.call('shareCreate', { itemId, contactIds: [bobId], permission, expiry, confirmedUnverified: false });
  await bob.call('sharingSync', {});
  const [entry] = (await bob.call('inboxList', {})).shares;
  if (!entry) throw new Error('nothing in the inbox');
  await bob.call('inboxAnswer', { id: entry.id, answer: 'accept', confirmedUnverified: false });
  await alice.call('sharingSync', {});
  return entry.id;
}

async function fillable(p: Person, url: string) {
  const vault = await p.service.session.require();
  return findReceivedBySite(p.db, vault, url, p.service.clock.now);
}

describe('sharing setup', () => {
  it('creates an identity, registers it on the relay, and shows the own code, contact code and QR', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const status = await alice.call('sharingStatus', {});
    expect(status.identity).toMatchObject({ handle: 'alice', relayUrl: RELAY_URL, registered: true });
    expect(status.identity?.ownCode).toMatch(/^\d{5}( \d{5}){5}$/);
    // v2: the identity has an X-Wing key, and the code carries its hash (issue 16).
    expect(status.identity?.contactCode).toMatch(/^sealpass:contact:v2:[A-Za-z0-9_-]+$/);
    expect(status.identity?.qrSvg).toMatch(/^<svg [^>]*><rect [^>]*\/><path fill="#000" d="[Mhvz0-9 -]+"\/><\/svg>$/);
    expect(status.pendingOps).toBe(0);
    expect(await w.relay.store.findIdentity('alice')).toMatchObject({ handle: 'alice' });
  });

  it('refuses a bad handle or relay URL with a clear error and stores nothing', async () => {
    const w = await world();
    const alice = await person(w, 'alice', false);
    expect(await alice.code('sharingSetup', { handle: 'No Spaces', relayUrl: RELAY_URL })).toBe('invalid-request');
    expect(await alice.code('sharingSetup', { handle: 'alice', relayUrl: 'javascript:alert(1)' })).toBe('invalid-request');
    expect((await alice.call('sharingStatus', {})).identity).toBeNull();
    expect(await alice.db.identity.count()).toBe(0);
  });

  it('a taken handle: registration fails with a clear message, and another handle can be chosen', async () => {
    const w = await world();
    await person(w, 'alice');
    const impostor = await person(w, 'alice');
    const status = await impostor.call('sharingStatus', {});
    expect(status.identity?.registered).toBe(false);
    expect(status.lastError).toMatch(/already taken/);
    await impostor.call('sharingSetup', { handle: 'alice2', relayUrl: RELAY_URL });
    expect((await impostor.call('sharingStatus', {})).identity).toMatchObject({ handle: 'alice2', registered: true });
  });

  it('a registered identity cannot be replaced', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    expect(await alice.code('sharingSetup', { handle: 'other', relayUrl: RELAY_URL })).toBe('vault-exists');
  });

  it('issue 17: a relay that does not answer is reported before registration: nothing is created, the error names the address', async () => {
    const w = await world();
    w.relay.online = false;
    const alice = await person(w, 'alice', false);
    const result = await alice.service.send('sharingSetup', { handle: 'alice', relayUrl: RELAY_URL });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!result.ok) {
      expect(result.error.message).toContain(new URL(RELAY_URL).origin);
      expect(result.error.message).toMatch(/nothing answered there/);
      expect(result.error.message).toMatch(/Nothing was registered/);
    }
    // Not "set up, 1 waiting": no identity and no queued registration to get stuck with.
    expect((await alice.call('sharingStatus', {})).identity).toBeNull();
    expect(await alice.db.identity.count()).toBe(0);
    expect(await alice.db.outbox.count()).toBe(0);
    // Once the relay answers, the same set-up registers at once.
    w.relay.online = true;
    expect(await alice.call('sharingSetup', { handle: 'alice', relayUrl: RELAY_URL })).toMatchObject({ registered: true, problem: null });
  });

  it('issue 17: something that answers but is not a Sealpass relay is named as such; the check alone creates nothing', async () => {
    const w = await world();
    const alice = await person(w, 'alice', false);
    w.relay.tamper = async () => new Response('<html>Welcome to nginx!</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    const result = await alice.service.send('sharingCheckRelay', { relayUrl: `${RELAY_URL}/some/path` });
    expect(result.ok ? '' : result.error.message).toMatch(/^No Sealpass relay at http:\/\/relay\.test: something answered, but it is not a Sealpass relay/);
    w.relay.tamper = null;
    expect(await alice.call('sharingCheckRelay', { relayUrl: `${RELAY_URL}/some/path` })).toMatchObject({ relayUrl: RELAY_URL });
    expect(await alice.db.identity.count()).toBe(0);
  });

  it('a registration the relay refused (handle taken) is said right away by sharingSetup', async () => {
    const w = await world();
    await person(w, 'alice');
    const impostor = await person(w, 'carol', false);
    const result = await impostor.call('sharingSetup', { handle: 'alice', relayUrl: RELAY_URL });
    expect(result).toMatchObject({ registered: false, problem: expect.stringMatching(/already taken/) });
  });

  it('S4: every sharing message is refused while locked', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    await alice.call('vaultLock', {});
    for (const type of ['sharingStatus', 'contactList', 'inboxList', 'receivedList', 'sharingSync'] as const) {
      expect(await alice.code(type, {})).toBe('locked');
    }
    expect(await alice.service.handlers.sharingPoll({}, { kind: 'extension-page' })).toBeNull();
  });
});

describe('issue 17: change relay and handle later, invites, audit', () => {
  /** Two relays on one clock, and a person whose fetch goes to whichever the URL names. */
  async function twoRelays() {
    const w = await world();
    const second = await startTestRelay(w.clock);
    const fetchBoth: typeof fetch = (input, init) => (new URL(new Request(input, init).url).host === 'relay-b.test' ? second.fetch(input, init) : w.relay.fetch(input, init));
    const { db, vault } = await syntheticVault();
    const keyStore = MemoryKeyStore.holding(vault);
    closeVault(vault);
    const service = startService(db, { keyStore, clock: w.clock, sharing: { fetch: fetchBoth, scheduleExpiry: async () => undefined } });
    return { w, second, service, db };
  }

  it('moves to another relay: checked first (a dead one changes nothing), then registered there with the same keys, audited', async () => {
    const relays = await twoRelays();
    const { second, service } = relays;
    ok(await service.send('sharingSetup', { handle: 'alice', relayUrl: RELAY_URL }));
    second.online = false;
    const refused = await service.send('sharingSetRelay', { relayUrl: 'http://relay-b.test' });
    expect(refused.ok ? '' : refused.error.message).toContain('No Sealpass relay at http://relay-b.test');
    expect(ok(await service.send('sharingStatus', {})).identity?.relayUrl).toBe(RELAY_URL);
    second.online = true;
    expect(ok(await service.send('sharingSetRelay', { relayUrl: 'http://relay-b.test' }))).toMatchObject({ registered: true, problem: null });
    const status = ok(await service.send('sharingStatus', {}));
    expect(status.identity).toMatchObject({ handle: 'alice', relayUrl: 'http://relay-b.test', registered: true });
    expect(status.identity?.inviteLink.startsWith('http://relay-b.test/invite/#')).toBe(true);
    const { w } = relays;
    expect((await second.store.findIdentity('alice'))?.signingKey).toBe((await w.relay.store.findIdentity('alice'))?.signingKey);
    const { events } = ok(await service.send('auditList', {}));
    expect(events.filter((e) => e.type.startsWith('sharing-')).map((e) => [e.type, e.party])).toEqual([
      ['sharing-registered', 'alice'], ['sharing-relay-changed', 'alice'], ['sharing-registered', 'alice'],
    ]);
  });

  it('changes the handle: what breaks is counted first; the same keys are registered under the new handle', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const bobId = await addByCode(alice, bob);
    await addByCode(bob, alice);
    const itemId = await addLogin(alice);
    await shareAndAccept(alice, bob, itemId, bobId, 'view');
    expect(await alice.call('sharingHandleImpact', {})).toMatchObject({ contacts: 1, openShares: 1, received: 0 });
    expect(await alice.code('sharingSetHandle', { handle: 'bob' })).toBe('ok');
    // "bob" is taken on the relay: the change is made here but not registered, and that is said.
    const status = await alice.call('sharingStatus', {});
    expect(status.identity).toMatchObject({ handle: 'bob', registered: false });
    expect(await alice.call('sharingSetHandle', { handle: 'alice.smith' })).toMatchObject({ registered: true, problem: null });
    expect((await w.relay.store.findIdentity('alice.smith'))?.signingKey).toBe((await w.relay.store.findIdentity('alice'))?.signingKey);
    expect(await alice.code('sharingSetHandle', { handle: 'alice.smith' })).toBe('invalid-request');
    expect(await alice.code('sharingSetHandle', { handle: 'Not Valid' })).toBe('invalid-request');
    const { events } = await alice.call('auditList', {});
    expect(events.filter((e) => e.type === 'sharing-handle-changed').map((e) => e.party)).toEqual(['bob', 'alice.smith']);
  });

  it('invite link: a colleague without sharing joins on the inviter\'s relay and has the inviter pinned, all audited', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob', false);
    const link = (await alice.call('sharingStatus', {})).identity!.inviteLink;
    expect(link).toMatch(/^http:\/\/relay\.test\/invite\/#2\.[A-Za-z0-9_-]+$/);
    expect(await bob.call('inviteOpen', { link })).toMatchObject({ handle: 'alice', relayUrl: RELAY_URL, setUp: false, sameRelay: false, known: false });
    expect(await bob.code('inviteAccept', { link })).toBe('invalid-request');
    const accepted = await bob.call('inviteAccept', { link, handle: 'Bob ' });
    expect(accepted).toMatchObject({ change: 'pinned', problem: null });
    expect((await bob.call('sharingStatus', {})).identity).toMatchObject({ handle: 'bob', relayUrl: RELAY_URL, registered: true });
    const atBob = (await bob.call('contactGet', { id: accepted.contactId })).contact;
    expect(atBob).toMatchObject({ handle: 'alice', state: 'verified' });
    // Alice adds bob by handle; both see one safety number.
    const back = await alice.call('contactAdd', { handle: 'bob' });
    expect((await alice.call('contactGet', { id: back.id })).contact.safetyNumber).toBe(atBob.safetyNumber);
    expect(await bob.call('inviteOpen', { link })).toMatchObject({ setUp: true, sameRelay: true, known: true });
    const { events } = await bob.call('auditList', {});
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['sharing-registered', 'contact-added']));
    expect(events.find((e) => e.type === 'contact-added')?.party).toBe('alice');
    expect((await alice.call('auditList', {})).events.find((e) => e.type === 'contact-added')?.party).toBe('bob');
  });

  it('invite link: pasted into Contacts it adds the inviter; garbled or foreign links are refused and add nothing', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const link = (await alice.call('sharingStatus', {})).identity!.inviteLink;
    expect((await bob.call('contactAddCode', { code: link })).change).toBe('pinned');
    const carol = await person(w, 'carol');
    expect(await carol.code('inviteAccept', { link: link.replace('/invite/', '/l/') })).toBe('invalid-request');
    expect(await carol.code('inviteAccept', { link: `${link.slice(0, -4)}AAAA` })).toBe('invalid-request');
    expect(await carol.code('inviteAccept', { link: link.replace('relay.test', 'elsewhere.test') })).toBe('conflict');
    expect((await carol.call('contactList', {})).contacts).toEqual([]);
  });

  it('invite link: the invite\'s relay must answer before anything is set up', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob', false);
    const link = (await alice.call('sharingStatus', {})).identity!.inviteLink;
    w.relay.online = false;
    expect(await bob.code('inviteAccept', { link, handle: 'bob' })).toBe('not-found');
    expect(await bob.db.identity.count()).toBe(0);
    expect((await bob.call('contactList', {})).contacts).toEqual([]);
  });

  it('a received login shared with view shows its one-time code; autofill-only never does', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const viewId = await shareAndAccept(alice, bob, await addLogin(alice, { title: 'Seen', totp: 'JBSWY3DPEHPK3PXP' }), bobId, 'view');
    const code = await bob.call('receivedTotp', { id: viewId });
    expect(code).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), period: 30 });
    const hiddenId = await shareAndAccept(alice, bob, await addLogin(alice, { title: 'Hidden', totp: 'JBSWY3DPEHPK3PXP' }), bobId, 'autofill-only');
    expect(await bob.code('receivedTotp', { id: hiddenId })).toBe('forbidden');
    expect(await bob.code('receivedTotp', { id: 'shared-' + 'ab'.repeat(16) })).toBe('not-found');
  });

  it('the recipient is told which share ended, by whom and how: revoked or expired', async () => {
    const { w, alice, bob, bobId } = await sharedPair();
    const revokedItem = await addLogin(alice, { title: 'Staging DB' });
    const revokedId = await shareAndAccept(alice, bob, revokedItem, bobId, 'view');
    const expiringId = await shareAndAccept(alice, bob, await addLogin(alice, { title: 'Build box' }), bobId, 'view', '1h');
    w.clock.now += 10 * 60_000;
    await alice.call('shareRevoke', { itemId: revokedItem });
    const revokedAt = w.clock.now;
    await bob.call('sharingSync', {});
    w.clock.now += 2 * HOUR;
    await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' });
    const { ended } = await bob.call('receivedEndedList', {});
    expect(ended.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { id: expiringId, title: 'Build box', by: 'alice', reason: 'expired', at: w.clock.now },
      { id: revokedId, title: 'Staging DB', by: 'alice', reason: 'revoked', at: revokedAt },
    ]);
    // The owner's own ends are not the recipient's notices.
    expect((await alice.call('receivedEndedList', {})).ended).toEqual([]);
  });

  it('a receipt that arrives after the revoke is recorded at the time it reports, after the revoke in the chain', async () => {
    const { w, alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { title: 'Late' });
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const [entry] = (await bob.call('inboxList', {})).shares;
    // Bob accepts while his network is down: the "accepted" receipt waits in his outbox.
    w.clock.now += 60_000;
    const acceptedAt = w.clock.now;
    w.relay.online = false;
    await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
    w.relay.online = true;
    w.clock.now += 60_000;
    await alice.call('shareRevoke', { itemId });
    w.clock.now += 60_000;
    await bob.call('sharingSync', {});
    await alice.call('sharingSync', {});
    const events = (await alice.call('auditList', {})).events.filter((e) => e.itemId === itemId);
    const revoked = events.find((e) => e.type === 'share-revoked');
    const accepted = events.find((e) => e.type === 'share-accepted');
    expect(accepted?.at).toBe(acceptedAt);
    expect(accepted!.seq).toBeGreaterThan(revoked!.seq);
    expect(accepted!.at).toBeLessThan(revoked!.at);
  });

  it('contact changes are in the audit log: added, verified, key changed', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const { id } = await alice.call('contactAdd', { handle: 'bob' });
    const { fingerprint } = (await alice.call('contactGet', { id })).contact;
    await alice.call('contactVerify', { id, fingerprint });
    const code = (await bob.call('sharingStatus', {})).identity!.contactCode;
    await alice.call('contactAddCode', { code });
    const types = (await alice.call('auditList', {})).events.filter((e) => e.type.startsWith('contact-')).map((e) => [e.type, e.party]);
    expect(types).toEqual([['contact-added', 'bob'], ['contact-verified', 'bob']]);
  });
});

describe('contacts and safety numbers (T01)', () => {
  it('by handle: pinned unverified; both sides compute the same safety number; verify marks it verified', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const { id, change } = await alice.call('contactAdd', { handle: 'bob' });
    expect(change).toBe('pinned');
    const atAlice = (await alice.call('contactGet', { id })).contact;
    expect(atAlice).toMatchObject({ handle: 'bob', state: 'unverified', offered: null });
    const back = await bob.call('contactAdd', { handle: 'alice' });
    const atBob = (await bob.call('contactGet', { id: back.id })).contact;
    expect(atAlice.safetyNumber).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(atAlice.safetyNumber).toBe(atBob.safetyNumber);
    // My own code is one half of every safety number with me.
    expect(atAlice.safetyNumber).toContain((await bob.call('sharingStatus', {})).identity?.ownCode);
    await alice.call('contactVerify', { id, fingerprint: atAlice.fingerprint });
    expect((await alice.call('contactList', {})).contacts).toEqual([expect.objectContaining({ id, handle: 'bob', state: 'verified' })]);
  });

  it('by contact code: verified at once; a garbled code is refused and adds nothing', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const id = await addByCode(alice, bob);
    expect((await alice.call('contactGet', { id })).contact.state).toBe('verified');
    const code = (await bob.call('sharingStatus', {})).identity!.contactCode;
    expect(await alice.code('contactAddCode', { code: code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA') })).toBe('invalid-request');
    expect(await alice.code('contactAddCode', { code: 'hello' })).toBe('invalid-request');
    expect((await alice.call('contactList', {})).contacts).toHaveLength(1);
  });

  it('unknown handle → not-found; my own handle or code → refused; relay offline → a clear error', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    expect(await alice.code('contactAdd', { handle: 'nobody' })).toBe('not-found');
    expect(await alice.code('contactAdd', { handle: 'alice' })).toBe('invalid-request');
    expect(await alice.code('contactAddCode', { code: (await alice.call('sharingStatus', {})).identity!.contactCode })).toBe('invalid-request');
    w.relay.online = false;
    expect(await alice.code('contactAdd', { handle: 'bob' })).toBe('internal');
    expect(await alice.db.contacts.count()).toBe(0);
  });

  it('issue 17: a contact is removed (audited); refused, naming what runs, while a share is open either way', async () => {
    const { alice, bob, bobId, aliceId } = await sharedPair();
    const itemId = await addLogin(alice);
    await shareAndAccept(alice, bob, itemId, bobId, 'view');
    const aliceTry = await alice.service.send('contactRemove', { id: bobId });
    expect(aliceTry).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('you share 1 item with bob') } });
    // Bob holds alice's copy: he cannot remove alice either, or her revoke could no longer reach it.
    const bobTry = await bob.service.send('contactRemove', { id: aliceId });
    expect(bobTry).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('alice shares 1 item with you') } });
    expect((await alice.call('contactList', {})).contacts).toHaveLength(1);

    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    await alice.call('contactRemove', { id: bobId });
    await bob.call('contactRemove', { id: aliceId });
    expect((await alice.call('contactList', {})).contacts).toEqual([]);
    expect(await alice.db.contacts.count()).toBe(0);
    expect(await alice.code('contactGet', { id: bobId })).toBe('not-found');
    expect(await alice.code('contactRemove', { id: bobId })).toBe('not-found');
    // The access panel of the revoked share still reads (the contact is gone, not the history).
    expect((await alice.call('shareList', { itemId })).entries).toEqual([expect.objectContaining({ handle: 'bob', state: 'revoked', contactState: 'unknown' })]);
    const removed = (await alice.call('auditList', {})).events.filter((e) => e.type === 'contact-removed').map((e) => e.party);
    expect(removed).toEqual(['bob']);
    // Added again later: a fresh pin, by code as before.
    expect(await addByCode(alice, bob)).not.toBe(bobId);
  });

  it('verifying with a fingerprint that is not the pinned or offered keys is a conflict and changes nothing', async () => {
    const { alice, bobId } = await sharedPair();
    expect(await alice.code('contactVerify', { id: bobId, fingerprint: 'A'.repeat(43) + '=' })).toBe('conflict');
    expect((await alice.call('contactGet', { id: bobId })).contact.state).toBe('verified');
  });
});

describe('share → inbox → accept (autofill-only)', () => {
  it('the recipient sees it in the inbox (badge), accepts, and it is listed "shared by" and fillable but never revealed', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { title: 'Staging DB', username: 'deploy', password: 'first-pass-1', urls: ['https://db.example.org/login'] });
    const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'autofill-only', expiry: '1d', confirmedUnverified: false });
    expect(shareIds).toHaveLength(1);
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(0);

    await bob.call('sharingSync', {});
    const { shares } = await bob.call('inboxList', {});
    expect(shares).toEqual([expect.objectContaining({ title: 'Staging DB', from: 'alice', fromState: 'verified', permission: 'autofill-only', expiresAt: bob.service.clock.now + DAY })]);
    expect(bob.service.deps.badge.counts.get('inbox')).toBe(1);
    expect(bob.alarm.at).toBe(bob.service.clock.now + DAY);
    // Pending shares are not in the list and not offered for filling.
    expect(await receivedRows(bob)).toEqual([]);
    expect(await fillable(bob, 'https://db.example.org/login')).toEqual([]);

    await bob.call('inboxAnswer', { id: shares[0]!.id, answer: 'accept', confirmedUnverified: false });
    expect(bob.service.deps.badge.counts.get('inbox')).toBe(0);
    expect(await receivedRows(bob)).toEqual([expect.objectContaining({ id: shares[0]!.id, title: 'Staging DB', username: 'deploy', shared: { by: 'alice', permission: 'autofill-only', expiresAt: expect.any(Number) } })]);
    const { view } = await bob.call('receivedGet', { id: shares[0]!.id });
    expect(view).toMatchObject({ permission: 'autofill-only', from: { handle: 'alice', state: 'verified' }, state: 'accepted' });
    expect(view.item.content).toMatchObject({ type: 'login', username: 'deploy', password: '', totp: '' });
    expect(JSON.stringify(view)).not.toContain('first-pass-1');
    // The background's fill path gets the password, for the item's site only.
    expect((await fillable(bob, 'https://db.example.org/other')).map((i) => i.content.type === 'login' && i.content.password)).toEqual(['first-pass-1']);
    expect(await fillable(bob, 'https://example.com/')).toEqual([]);
    // The autofill matcher looks sites up by registrable domain, as for the vault's own items.
    expect((await fillable(bob, 'example.org')).map((i) => i.id)).toEqual([shares[0]!.id]);

    // The "opened" receipt goes out with bob's next sync (the one-minute poll).
    await bob.call('sharingSync', {});
    await alice.call('sharingSync', {});
    const { entries } = await alice.call('shareList', { itemId });
    expect(entries).toEqual([expect.objectContaining({ handle: 'bob', permission: 'autofill-only', state: 'accepted', deliveredAt: expect.any(Number), acceptedAt: expect.any(Number), lastOpenedAt: expect.any(Number), updatePending: false })]);
  });

  it('an unverified sender: accepting needs a confirmation; a changed recipient key blocks the share', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const { id: bobId } = await alice.call('contactAdd', { handle: 'bob' });
    const itemId = await addLogin(alice);
    expect(await alice.code('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false })).toBe('forbidden');
    expect(await alice.db.shares.count()).toBe(0);
    // Bob added alice by handle: pinned, not verified.
    await bob.call('contactAdd', { handle: 'alice' });
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: true });
    await bob.call('sharingSync', {});
    const [entry] = (await bob.call('inboxList', {})).shares;
    expect(entry).toMatchObject({ from: 'alice', fromState: 'unverified' });
    expect(await bob.code('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false })).toBe('forbidden');
    await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: true });
    expect(await receivedRows(bob)).toHaveLength(1);
  });

  it('decline: gone from the inbox, never listed, and the owner sees it declined', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice);
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    await bob.call('sharingSync', {});
    const [entry] = (await bob.call('inboxList', {})).shares;
    await bob.call('inboxAnswer', { id: entry!.id, answer: 'decline', confirmedUnverified: false });
    expect((await bob.call('inboxList', {})).shares).toEqual([]);
    expect(await receivedRows(bob)).toEqual([]);
    await alice.call('sharingSync', {});
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'declined' });
  });

  it('view permission shows the password; no password history, folder or tags travel', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { password: 'old-one', folder: 'Private folder', tags: ['secret-tag'] });
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'new-one', folder: 'Private folder', tags: ['secret-tag'] } });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'view');
    const { view } = await bob.call('receivedGet', { id });
    expect(view.item.content).toMatchObject({ password: 'new-one', folder: '', tags: [], passwordHistory: [] });
    expect(JSON.stringify(view)).not.toContain('old-one');
  });
});

describe('owner edits, edit-back, revoke, expiry', () => {
  it('an owner edit reaches the recipient as a new version (fill uses the new password)', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { password: 'first-pass-1', urls: ['https://db.example.org/'] });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'autofill-only');
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'second-pass-2', urls: ['https://db.example.org/'] } });
    expect((await alice.call('shareList', { itemId })).entries[0]?.updatePending).toBe(true);
    await alice.call('sharingSync', {});
    expect((await alice.call('shareList', { itemId })).entries[0]?.updatePending).toBe(false);
    await bob.call('sharingSync', {});
    const [found] = await fillable(bob, 'https://db.example.org/');
    expect(found).toMatchObject({ id, rev: 2, content: { password: 'second-pass-2' } });
    // A folder move changes nothing shared: no new version.
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'second-pass-2', urls: ['https://db.example.org/'], folder: 'Moved' } });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    expect((await fillable(bob, 'https://db.example.org/'))[0]?.rev).toBe(2);
  });

  it('edit-back: the owner checks the grant, applies the edit, and every recipient gets it', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const carol = await person(w, 'carol');
    const bobId = await addByCode(alice, bob);
    const carolId = await addByCode(alice, carol);
    await addByCode(bob, alice);
    await addByCode(carol, alice);
    const itemId = await addLogin(alice, { password: 'before', folder: 'Mine' });
    const atBob = await shareAndAccept(alice, bob, itemId, bobId, 'edit');
    const atCarol = await shareAndAccept(alice, carol, itemId, carolId, 'view');
    const { view } = await bob.call('receivedGet', { id: atBob });
    await bob.call('receivedEdit', { id: atBob, item: { type: 'login', title: 'Example', username: 'alice@example.com', password: 'after-bob', urls: ['https://accounts.example.co.uk/login'] }, baseVersion: view.item.rev });
    expect((await bob.call('receivedGet', { id: atBob })).view.editPending).toBe(true);
    await alice.call('sharingSync', {});
    const { item } = await alice.call('itemGet', { id: itemId });
    expect(item.content).toMatchObject({ password: 'after-bob', folder: 'Mine', passwordHistory: [expect.objectContaining({ password: 'before' })] });
    await bob.call('sharingSync', {});
    await carol.call('sharingSync', {});
    expect((await bob.call('receivedGet', { id: atBob })).view).toMatchObject({ editPending: false, item: { content: { password: 'after-bob' } } });
    expect((await carol.call('receivedGet', { id: atCarol })).view.item.content).toMatchObject({ password: 'after-bob' });
    // Carol has view permission only: her edit is refused before anything is sent.
    expect(await carol.code('receivedEdit', { id: atCarol, item: { type: 'login', title: 'x' }, baseVersion: 2 })).toBe('forbidden');
    // An edit from a stale version is refused locally.
    expect(await bob.code('receivedEdit', { id: atBob, item: { type: 'login', title: 'x' }, baseVersion: 1 })).toBe('conflict');
  });

  it('revoke: the copy is deleted at the next sync, the relay drops what is undelivered, the owner is told to rotate', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { password: 'leaked-pass', urls: ['https://db.example.org/'] });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'autofill-only');
    const sharedAt = (await alice.call('shareList', { itemId })).entries[0]!.since;
    alice.service.clock.now += HOUR;
    expect((await alice.call('shareRevoke', { itemId })).revoked).toBe(1);
    const { entries, rotate } = await alice.call('shareList', { itemId });
    expect(entries[0]).toMatchObject({ state: 'revoked', endedAt: alice.service.clock.now });
    expect(rotate).toEqual([{ shareId: entries[0]!.shareId, handle: 'bob', from: sharedAt, to: alice.service.clock.now }]);
    await bob.call('sharingSync', {});
    expect(await receivedRows(bob)).toEqual([]);
    expect(await fillable(bob, 'https://db.example.org/')).toEqual([]);
    expect(await bob.code('receivedGet', { id })).toBe('not-found');
    // Changing the password ends the notice.
    alice.service.clock.now += 1;
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Example', password: 'rotated', urls: ['https://db.example.org/'] } });
    expect((await alice.call('shareList', { itemId })).rotate).toEqual([]);
  });

  it('deleting a shared item revokes its shares: the copy is gone at the next sync', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { password: 'deleted-pass', urls: ['https://gone.example.org/'] });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'view');
    alice.service.clock.now += HOUR;
    await alice.call('itemDelete', { id: itemId });
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'revoked', endedAt: alice.service.clock.now });
    await alice.call('sharingSync', {});
    await bob.call('sharingSync', {});
    expect(await receivedRows(bob)).toEqual([]);
    expect(await bob.code('receivedGet', { id })).toBe('not-found');
  });

  it('revoke per person leaves the others; a dismissed rotation notice stays hidden', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const bob = await person(w, 'bob');
    const carol = await person(w, 'carol');
    const ids = [await addByCode(alice, bob), await addByCode(alice, carol)];
    const itemId = await addLogin(alice);
    const { shareIds } = await alice.call('shareCreate', { itemId, contactIds: ids, permission: 'view', expiry: 'none', confirmedUnverified: false });
    alice.service.clock.now += 1;
    await alice.call('shareRevoke', { itemId, shareIds: [shareIds[0]!] });
    expect((await alice.call('shareList', { itemId })).entries.map((e) => [e.handle, e.state])).toEqual([['bob', 'revoked'], ['carol', 'pending']]);
    await alice.call('shareRotateDismiss', { itemId, shareId: shareIds[0]! });
    expect((await alice.call('shareList', { itemId })).rotate).toEqual([]);
    expect(await alice.code('shareRevoke', { itemId, shareIds: ['AAAAAAAAAAAAAAAAAAAAAA=='] })).toBe('not-found');
  });

  it('expiry: the copy is deleted at its time by the alarm, without any relay message, even while locked', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const first = await shareAndAccept(alice, bob, await addLogin(alice, { title: 'One', urls: ['https://one.example/'] }), bobId, 'view', '1h');
    expect(bob.alarm.at).toBe(bob.service.clock.now + HOUR);
    bob.service.clock.now += HOUR + 1;
    // Past its time the copy is neither listed nor filled, even before the alarm ran.
    expect(await receivedRows(bob)).toEqual([]);
    expect(await fillable(bob, 'https://one.example/')).toEqual([]);
    expect(await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' })).toEqual({ removed: 1 });
    expect(await bob.code('receivedGet', { id: first })).toBe('not-found');
    const { events } = await bob.call('auditList', {});
    expect(events.at(-1)).toMatchObject({ type: 'share-expired', party: 'alice', itemTitle: 'One' });

    const itemId = await addLogin(alice, { title: 'Two' });
    await shareAndAccept(alice, bob, itemId, bobId, 'view', '1h');
    await bob.call('vaultLock', {});
    bob.service.clock.now += 2 * HOUR;
    expect(await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' })).toEqual({ removed: 1 });
    expect(await bob.db.received.where('expiresAt').above(0).count()).toBe(0);
    expect(bob.alarm.at).toBeNull();
    // The owner's grant ends by the same clock.
    alice.service.clock.now = bob.service.clock.now;
    await alice.call('sharingSync', {});
    expect((await alice.call('shareList', { itemId })).entries[0]).toMatchObject({ state: 'expired' });
  });

  it('sharing again with someone who has access changes their permission instead of a second share', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { password: 'pw-1' });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'view');
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'autofill-only', expiry: 'none', confirmedUnverified: false });
    expect((await alice.call('shareList', { itemId })).entries).toEqual([expect.objectContaining({ permission: 'autofill-only' })]);
    await bob.call('sharingSync', {});
    expect((await bob.call('receivedGet', { id })).view).toMatchObject({ permission: 'autofill-only', item: { content: { password: '' } } });
  });

  it('bad expiry choices are refused and nothing is stored', async () => {
    const { alice, bobId } = await sharedPair();
    const itemId = await addLogin(alice);
    const now = alice.service.clock.now;
    for (const at of [now - 1, now, now + 91 * DAY]) {
      expect(await alice.code('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: { at }, confirmedUnverified: false })).toBe('invalid-request');
    }
    expect(await alice.code('shareCreate', { itemId: 'nope', contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false })).toBe('not-found');
    expect(await alice.code('shareCreate', { itemId, contactIds: ['nope'], permission: 'view', expiry: 'none', confirmedUnverified: false })).toBe('not-found');
    expect(await alice.db.shares.count()).toBe(0);
    expect(await alice.db.outbox.count()).toBe(0);
  });
});

describe('offline first and audit', () => {
  it('a share made offline waits in the outbox (pending) and goes out when the relay answers', async () => {
    const { w, alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice);
    w.relay.online = false;
    await alice.call('shareCreate', { itemId, contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const status = await alice.call('sharingStatus', {});
    expect(status.pendingOps).toBe(1);
    expect(status.lastError).toMatch(/cannot be reached/);
    w.relay.online = true;
    await alice.service.handlers.sharingPoll({}, { kind: 'extension-page' });
    expect((await alice.call('sharingStatus', {})).pendingOps).toBe(0);
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toHaveLength(1);
  });

  it('an acknowledgement that fails: the entry is listed again and skipped by its mark, with no refusal and no duplicate', async () => {
    const { w, alice, bob, bobId } = await sharedPair();
    await alice.call('shareCreate', { itemId: await addLogin(alice), contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    w.relay.tamper = async (request) => (new URL(request.url).pathname === '/v1/mailbox/ack' ? new Response('down', { status: 503 }) : undefined);
    await bob.call('sharingSync', {});
    w.relay.tamper = null;
    await bob.call('sharingSync', {});
    expect((await bob.call('inboxList', {})).shares).toHaveLength(1);
    expect((await bob.call('sharingStatus', {})).refusals).toEqual([]);
    expect(await w.relay.store.listMailbox('bob', 0, 10, w.clock.now)).toEqual([]);
  });

  it('T04: the same post delivered twice (a retry a relay stored again), in one page or in the next sync, is processed once: no refusal, no duplicate', async () => {
    const { w, alice, bob, bobId } = await sharedPair();
    await alice.call('shareCreate', { itemId: await addLogin(alice), contactIds: [bobId], permission: 'view', expiry: 'none', confirmedUnverified: false });
    const [stored] = await w.relay.store.listMailbox('bob', 0, 10, w.clock.now);
    if (!stored) throw new Error('nothing posted');
    const again = { id: stored.id + 1000, from: stored.sender, postId: stored.postId, shareId: stored.shareId, postedAt: stored.postedAt, expiresAt: stored.expiresAt, envelope: stored.envelope };
    w.relay.tamper = async (request, forward) => {
      if (new URL(request.url).pathname !== '/v1/mailbox') return undefined;
      const page = (await (await forward(request)).json()) as { envelopes: unknown[]; next: number | null };
      return Response.json({ envelopes: [...page.envelopes, again], next: null });
    };
    await bob.call('sharingSync', {});
    await bob.call('sharingSync', {});
    w.relay.tamper = null;
    expect((await bob.call('inboxList', {})).shares).toHaveLength(1);
    expect((await bob.call('sharingStatus', {})).refusals).toEqual([]);
  });

  it('a batch refused for one unregistered recipient goes out to the others, and says why', async () => {
    const w = await world();
    const alice = await person(w, 'alice');
    const carol = await person(w, 'carol');
    // Registered on another relay only: this relay has never heard of "ghost".
    const ghost = await person(await world(), 'ghost');
    // Ghost's v2 code would need this relay for his X-Wing key; a v1 code pins his other keys without it.
    expect(await alice.code('contactAddCode', { code: (await ghost.call('sharingStatus', {})).identity!.contactCode })).toBe('not-found');
    const ids = [await addByClassicCode(alice, ghost), await addByCode(alice, carol)];
    const itemId = await addLogin(alice);
    await alice.call('shareCreate', { itemId, contactIds: ids, permission: 'view', expiry: 'none', confirmedUnverified: false });
    const status = await alice.call('sharingStatus', {});
    expect(status.pendingOps).toBe(0);
    expect(status.lastError).toMatch(/not registered/);
    await carol.call('sharingSync', {});
    // Carol never added alice: the offer waits unopened among her requests (T02).
    expect((await carol.call('shareRequestList', {})).requests).toEqual([expect.objectContaining({ from: 'alice' })]);
  });

  it('records share-created, delivered, accepted, opened, updated, revoked on the owner side with the other person', async () => {
    const { alice, bob, bobId } = await sharedPair();
    const itemId = await addLogin(alice, { title: 'Audited' });
    const id = await shareAndAccept(alice, bob, itemId, bobId, 'view');
    await bob.call('receivedGet', { id });
    await bob.call('sharingSync', {});
    await alice.call('itemUpdate', { id: itemId, item: { type: 'login', title: 'Audited', password: 'changed' } });
    await alice.call('sharingSync', {});
    await alice.call('shareRevoke', { itemId });
    const sharing = (await alice.call('auditList', {})).events.filter((e) => e.type.startsWith('share-'));
    expect(sharing.map((e) => [e.type, e.party])).toEqual([
      ['share-created', 'bob'],
      ['share-delivered', 'bob'],
      ['share-accepted', 'bob'],
      // The sync sends the edit before it reads the mailbox, where the "opened" receipt waits.
      ['share-updated', 'bob'],
      ['share-opened', 'bob'],
      ['share-revoked', 'bob'],
    ]);
    expect((await alice.call('auditList', {})).chainValid).toBe(true);
  });
});
