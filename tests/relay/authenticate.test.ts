/**
 * Request authentication through the app, against both stores: a fresh signature by the handle's
 * registered key over method, path, body, time and nonce; stale, replayed, tampered and foreign
 * signatures refused with 401 and a code that says which.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { beforeEach, expect, it } from 'vitest';
import { AUTH_HEADERS } from '../../lib/relay-protocol/auth-headers';
import { relayErrorBodySchema } from '../../lib/relay-protocol/relay-error-body';
import { ENVELOPES_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { createApp } from '../../relay/create-app';
import { DEFAULT_LIMITS } from '../../relay/relay-deps';
import { makeUser, postBody, shareId, signedInit, testApp } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const MINUTE = 60_000;
const alice = makeUser('alice');
const bob = makeUser('bob');

async function errorOf(response: Response) {
  return { status: response.status, ...relayErrorBodySchema.parse(await response.json()) };
}

describeStores('relay authentication', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice, bob);
  });

  it('accepts a request signed by the handle’s registered key', async () => {
    const response = await t.signed(alice, 'GET', MAILBOX_PATH);
    expect(response.status).toBe(200);
  });

  it('refuses an unsigned request (auth-missing) and malformed headers (auth-invalid)', async () => {
    expect(await errorOf(await t.app.request(MAILBOX_PATH))).toMatchObject({ status: 401, error: 'auth-missing' });
    const init = signedInit(alice.signer, 'GET', MAILBOX_PATH, t.clock.now(), { headers: { [AUTH_HEADERS.nonce]: 'not-hex' } });
    expect(await errorOf(await t.app.request(MAILBOX_PATH, init))).toMatchObject({ status: 401, error: 'auth-invalid' });
    const partial = signedInit(alice.signer, 'GET', MAILBOX_PATH, t.clock.now());
    delete (partial.headers as Record<string, string>)[AUTH_HEADERS.signature];
    expect(await errorOf(await t.app.request(MAILBOX_PATH, partial))).toMatchObject({ status: 401, error: 'auth-invalid' });
  });

  it('refuses a handle nobody registered (auth-unknown-identity)', async () => {
    const ghost = makeUser('ghost');
    expect(await errorOf(await t.signed(ghost, 'GET', MAILBOX_PATH))).toMatchObject({ status: 401, error: 'auth-unknown-identity' });
  });

  it("refuses a request signed with another key than the handle's (auth-invalid)", async () => {
    // Mallory claims to be Bob but holds her own key.
    const mallory = makeUser('bob');
    expect(await errorOf(await t.signed(mallory, 'GET', MAILBOX_PATH))).toMatchObject({ status: 401, error: 'auth-invalid' });
  });

  it('refuses a request whose body, path or method differs from what was signed', async () => {
    const body = postBody([{ to: 'bob', shareId: shareId(), envelope: 'sealed' }]);
    const tamperedBody = await t.signed(alice, 'POST', ENVELOPES_PATH, { body, signedBody: utf8ToBytes('{"envelopes":[]}') });
    expect(await errorOf(tamperedBody)).toMatchObject({ status: 401, error: 'auth-invalid' });
    const tamperedPath = await t.signed(alice, 'GET', `${MAILBOX_PATH}?after=5`, { signedPath: MAILBOX_PATH });
    expect(await errorOf(tamperedPath)).toMatchObject({ status: 401, error: 'auth-invalid' });
    const signedAsGet = signedInit(alice.signer, 'GET', ENVELOPES_PATH, t.clock.now());
    const tamperedMethod = await t.app.request(ENVELOPES_PATH, { ...signedAsGet, method: 'POST', body: '' });
    expect(await errorOf(tamperedMethod)).toMatchObject({ status: 401, error: 'auth-invalid' });
  });

  it('refuses a signature more than 5 minutes old or ahead (auth-stale) and says the relay’s time', async () => {
    const now = t.clock.now();
    expect((await t.signed(alice, 'GET', MAILBOX_PATH, { time: now - 5 * MINUTE })).status).toBe(200);
    expect((await t.signed(alice, 'GET', MAILBOX_PATH, { time: now + 5 * MINUTE })).status).toBe(200);
    expect(await errorOf(await t.signed(alice, 'GET', MAILBOX_PATH, { time: now - 5 * MINUTE - 1 }))).toEqual({
      status: 401,
      error: 'auth-stale',
      message: expect.any(String),
      serverTime: now,
    });
    expect(await errorOf(await t.signed(alice, 'GET', MAILBOX_PATH, { time: now + 5 * MINUTE + 1 }))).toMatchObject({ error: 'auth-stale' });
  });

  it('refuses a replayed request (auth-replayed), also when replayed to another relay process', async () => {
    const init = signedInit(alice.signer, 'GET', MAILBOX_PATH, t.clock.now());
    expect((await t.app.request(MAILBOX_PATH, init)).status).toBe(200);
    expect(await errorOf(await t.app.request(MAILBOX_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
    const otherProcess = createApp({ store: await opened.openSibling(), now: t.clock.now, limits: DEFAULT_LIMITS, clientAddress: () => '192.0.2.9' });
    expect(await errorOf(await otherProcess.request(MAILBOX_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
    // Still refused near the end of the freshness window, when only the nonce stops it.
    t.clock.advance(5 * MINUTE);
    await opened.store.purgeExpired(t.clock.now());
    expect(await errorOf(await t.app.request(MAILBOX_PATH, init))).toMatchObject({ status: 401, error: 'auth-replayed' });
  });

  it('does not burn a nonce for a request with a bad signature', async () => {
    const nonce = 'c'.repeat(32);
    const mallory = makeUser('alice');
    expect((await t.signed(mallory, 'GET', MAILBOX_PATH, { nonce })).status).toBe(401);
    expect((await t.signed(alice, 'GET', MAILBOX_PATH, { nonce })).status).toBe(200);
  });
});
