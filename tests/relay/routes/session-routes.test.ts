/**
 * Relay sessions from the attack, against both stores: a call signed with the identity key opens a
 * session, later calls carry an HMAC under the session key. A replayed, stale, tampered or foreign-session
 * call, a call after the revoke, and a MAC under a key the attacker made up are refused; only the identity
 * key opens or revokes sessions. THREATS has no scenario for the relay's own call authentication; where a
 * forged call would withhold updates (acknowledging, so deleting, someone's envelopes) or deliver an
 * envelope twice, the tests name T04.
 */
import { randomBytes } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { generateKeyPair } from '../../../lib/crypto/hpke/generate-key-pair';
import { AUTH_HEADERS } from '../../../lib/relay-protocol/auth-headers';
import { relayErrorBodySchema } from '../../../lib/relay-protocol/relay-error-body';
import { MAX_CLOCK_SKEW_MS, SESSION_LIFETIME_MS } from '../../../lib/relay-protocol/relay-limits';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH, SESSION_REVOKE_PATH, SESSIONS_PATH } from '../../../lib/relay-protocol/relay-paths';
import { deriveSessionKey } from '../../../lib/relay-protocol/session-key';
import { openSessionResponseSchema } from '../../../lib/relay-protocol/session-schemas';
import { createApp } from '../../../relay/create-app';
import { DEFAULT_LIMITS } from '../../../relay/relay-deps';
import { macInit, makeUser, postBody, shareId, signedInit, testApp } from '../fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');

async function errorOf(response: Response) {
  return { status: response.status, ...relayErrorBodySchema.parse(await response.json()) };
}

describeStores('relay sessions', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice, bob);
  });

  /** Posts one envelope from alice to bob in alice's session; the id bob sees. */
  async function postToBob(text: string): Promise<number> {
    const session = await t.openSession(alice);
    const response = await t.inSession(session, 'POST', ENVELOPES_PATH, { body: postBody([{ to: 'bob', shareId: shareId(), envelope: text }]) });
    expect(response.status).toBe(201);
    const { ids } = (await response.json()) as { ids: number[] };
    return ids[0]!;
  }

  /** A second relay process of the same deployment: its own app and caches over a second connection to the store. */
  async function otherProcess() {
    return createApp({ store: await opened.openSibling(), now: t.clock.now, limits: DEFAULT_LIMITS, clientAddress: () => '192.0.2.9' });
  }

  it('opens a session with a signed call; calls in it post, list and acknowledge with an HMAC, in any process of the deployment', async () => {
    const id = await postToBob('sealed-for-bob');
    const session = await t.openSession(bob);
    expect(session.expiresAt).toBe(t.clock.now() + SESSION_LIFETIME_MS);
    const listed = await t.inSession(session, 'GET', MAILBOX_PATH);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { envelopes: { id: number }[] }).envelopes.map((entry) => entry.id)).toEqual([id]);
    const other = await otherProcess();
    const acked = await other.request(MAILBOX_ACK_PATH, macInit(session, 'POST', MAILBOX_ACK_PATH, t.clock.now(), { body: { ids: [id] } }));
    expect(await acked.json()).toEqual({ deleted: 1 });
  });

  it('T04: refuses a replayed session call (auth-replayed), in the same process and in another, and it does nothing twice', async () => {
    await postToBob('first');
    const session = await t.openSession(alice);
    const init = macInit(session, 'POST', ENVELOPES_PATH, t.clock.now(), { body: postBody([{ to: 'bob', shareId: shareId(), envelope: 'posted-once' }]) });
    expect((await t.app.request(ENVELOPES_PATH, init)).status).toBe(201);
    expect(await errorOf(await t.app.request(ENVELOPES_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
    expect(await errorOf(await (await otherProcess()).request(ENVELOPES_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
    // Near the end of the freshness window, after a purge, only the stored nonce stops it.
    t.clock.advance(MAX_CLOCK_SKEW_MS);
    await opened.store.purgeExpired(t.clock.now());
    expect(await errorOf(await t.app.request(ENVELOPES_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
    expect((await opened.store.listMailbox('bob', 0, 10, t.clock.now())).map((entry) => entry.envelope)).toEqual(['first', 'posted-once']);
  });

  it('refuses a session call more than 5 minutes old or ahead (auth-stale) with the relay’s time, before its MAC or body counts', async () => {
    const session = await t.openSession(bob);
    const now = t.clock.now();
    const old = await errorOf(await t.inSession(session, 'GET', MAILBOX_PATH, { time: now - MAX_CLOCK_SKEW_MS - 1 }));
    expect(old).toMatchObject({ status: 401, error: 'auth-stale', serverTime: now });
    expect(await errorOf(await t.inSession(session, 'GET', MAILBOX_PATH, { time: now + MAX_CLOCK_SKEW_MS + 1 }))).toMatchObject({ error: 'auth-stale' });
    // A stale call captured earlier and sent again later is still stale, whatever it carries.
    const captured = macInit(session, 'GET', MAILBOX_PATH, now);
    t.clock.advance(MAX_CLOCK_SKEW_MS + 1);
    expect(await errorOf(await t.app.request(MAILBOX_PATH, captured))).toMatchObject({ error: 'auth-stale' });
  });

  it('refuses a call whose body, path or method differs from what the MAC covers (auth-invalid)', async () => {
    const session = await t.openSession(alice);
    const body = postBody([{ to: 'bob', shareId: shareId(), envelope: 'meant' }]);
    const macBody = new TextEncoder().encode(JSON.stringify(postBody([{ to: 'bob', shareId: shareId(), envelope: 'other' }])));
    expect(await errorOf(await t.inSession(session, 'POST', ENVELOPES_PATH, { body, macBody }))).toMatchObject({ status: 401, error: 'auth-invalid' });
    const forList = macInit(session, 'GET', MAILBOX_PATH, t.clock.now());
    expect(await errorOf(await t.app.request(`${MAILBOX_PATH}?after=0`, forList))).toMatchObject({ error: 'auth-invalid' });
    expect(await errorOf(await t.app.request(MAILBOX_ACK_PATH, { ...forList, method: 'POST', body: '{"ids":[1]}' }))).toMatchObject({ error: 'auth-invalid' });
    expect(await opened.store.listMailbox('bob', 0, 10, t.clock.now())).toEqual([]);
  });

  it("T04: Bob cannot act in Alice's session: her session id under his key, or his session claiming her handle", async () => {
    const id = await postToBob('for-bob');
    const aliceSession = await t.openSession(alice);
    const bobSession = await t.openSession(bob);
    // Bob knows Alice's session id (it travels in the clear) but MACs with his own key.
    const asAlice = await t.inSession(aliceSession, 'GET', MAILBOX_PATH, { key: bobSession.key });
    expect(await errorOf(asAlice)).toMatchObject({ status: 401, error: 'auth-invalid' });
    // In his own session, a Sealpass-Handle naming Alice changes nothing: the session says who he is.
    const init = macInit(bobSession, 'GET', MAILBOX_PATH, t.clock.now());
    const listed = await t.app.request(MAILBOX_PATH, { ...init, headers: { ...(init.headers as Record<string, string>), [AUTH_HEADERS.handle]: 'alice' } });
    expect(((await listed.json()) as { envelopes: { id: number }[] }).envelopes.map((entry) => entry.id)).toEqual([id]);
    // Alice (the poster) cannot acknowledge Bob's envelope away from her session: it is not her mailbox.
    expect(await (await t.inSession(aliceSession, 'POST', MAILBOX_ACK_PATH, { body: { ids: [id] } })).json()).toEqual({ deleted: 0 });
    expect(await opened.store.listMailbox('bob', 0, 10, t.clock.now())).toHaveLength(1);
  });

  it('T04: refuses a MAC under a forged session key: random bytes, or derived from the two public keys seen on the wire', async () => {
    const id = await postToBob('for-bob');
    const mine = generateKeyPair();
    const response = await t.app.request(SESSIONS_PATH, signedInit(bob.signer, 'POST', SESSIONS_PATH, t.clock.now(), { body: { key: toBase64(mine.publicKey) } }));
    const opening = openSessionResponseSchema.parse(await response.json());
    const session = { id: opening.session, key: new Uint8Array(randomBytes(32)), expiresAt: opening.expiresAt };
    // Mallory saw both public keys; with his own secret against the relay's he gets some other key.
    const mallory = generateKeyPair();
    const relayKey = Buffer.from(opening.key, 'base64');
    const guessed = deriveSessionKey(mallory.secretKey, relayKey, { session: opening.session, handle: 'bob', clientKey: mine.publicKey, relayKey, expiresAt: opening.expiresAt });
    for (const key of [session.key, guessed]) {
      expect(await errorOf(await t.inSession(session, 'POST', MAILBOX_ACK_PATH, { body: { ids: [id] }, key }))).toMatchObject({ status: 401, error: 'auth-invalid' });
    }
    // A session id nobody opened is refused before any MAC is computed.
    const unknown = { ...session, id: 'A'.repeat(22) };
    expect(await errorOf(await t.inSession(unknown, 'GET', MAILBOX_PATH))).toMatchObject({ status: 401, error: 'auth-session-expired' });
    expect(await opened.store.listMailbox('bob', 0, 10, t.clock.now())).toHaveLength(1);
  });

  it('refuses every call after the revoke (auth-session-expired), also in a process that still holds the session in its cache', async () => {
    const session = await t.openSession(bob);
    const other = await otherProcess();
    expect((await other.request(MAILBOX_PATH, macInit(session, 'GET', MAILBOX_PATH, t.clock.now()))).status).toBe(200);
    const revoked = await t.signed(bob, 'POST', SESSION_REVOKE_PATH, { body: { session: session.id } });
    expect(await revoked.json()).toEqual({ revoked: 1 });
    expect(await errorOf(await t.inSession(session, 'GET', MAILBOX_PATH))).toMatchObject({ status: 401, error: 'auth-session-expired' });
    expect(await errorOf(await other.request(MAILBOX_PATH, macInit(session, 'GET', MAILBOX_PATH, t.clock.now())))).toMatchObject({ status: 401, error: 'auth-session-expired' });
    const post = macInit(session, 'POST', ENVELOPES_PATH, t.clock.now(), { body: postBody([{ to: 'alice', shareId: shareId(), envelope: 'after-revoke' }]) });
    expect(await errorOf(await other.request(ENVELOPES_PATH, post))).toMatchObject({ error: 'auth-session-expired' });
    expect(await opened.store.listMailbox('alice', 0, 10, t.clock.now())).toEqual([]);
  });

  it('ends a session at its expiry, and revokes all of an identity’s sessions at once', async () => {
    const first = await t.openSession(bob);
    const second = await t.openSession(bob);
    expect(await (await t.signed(bob, 'POST', SESSION_REVOKE_PATH, { body: {} })).json()).toEqual({ revoked: 2 });
    for (const session of [first, second]) expect(await errorOf(await t.inSession(session, 'GET', MAILBOX_PATH))).toMatchObject({ error: 'auth-session-expired' });
    const third = await t.openSession(bob);
    t.clock.advance(SESSION_LIFETIME_MS);
    expect(await errorOf(await t.inSession(third, 'GET', MAILBOX_PATH))).toMatchObject({ error: 'auth-session-expired' });
  });

  it("keeps opening and revoking on the identity key: a session's MAC opens no session and revokes none, and Bob cannot revoke Alice's", async () => {
    const session = await t.openSession(alice);
    const mine = generateKeyPair();
    expect(await errorOf(await t.inSession(session, 'POST', SESSIONS_PATH, { body: { key: toBase64(mine.publicKey) } }))).toMatchObject({ status: 401, error: 'auth-invalid' });
    expect(await errorOf(await t.inSession(session, 'POST', SESSION_REVOKE_PATH, { body: {} }))).toMatchObject({ status: 401, error: 'auth-invalid' });
    expect(await (await t.signed(bob, 'POST', SESSION_REVOKE_PATH, { body: { session: session.id } })).json()).toEqual({ revoked: 0 });
    expect((await t.inSession(session, 'GET', MAILBOX_PATH)).status).toBe(200);
  });

  it('refuses to open a session on a low-order key, an unsigned call or a replayed opening', async () => {
    const zero = toBase64(new Uint8Array(32));
    expect(await errorOf(await t.signed(alice, 'POST', SESSIONS_PATH, { body: { key: zero } }))).toMatchObject({ status: 400, error: 'invalid-request' });
    expect(await errorOf(await t.app.request(SESSIONS_PATH, { method: 'POST', body: JSON.stringify({ key: zero }) }))).toMatchObject({ status: 401, error: 'auth-missing' });
    const init = signedInit(alice.signer, 'POST', SESSIONS_PATH, t.clock.now(), { body: { key: toBase64(generateKeyPair().publicKey) } });
    expect((await t.app.request(SESSIONS_PATH, init)).status).toBe(201);
    expect(await errorOf(await t.app.request(SESSIONS_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
  });
});
