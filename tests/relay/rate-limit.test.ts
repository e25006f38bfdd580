/**
 * Rate limits through the app, against both stores and a fake clock: per identity on signed calls, per
 * address on every call, 429 with Retry-After until the one-minute window ends, shared across processes.
 */
import { beforeEach, expect, it } from 'vitest';
import { relayErrorBodySchema } from '../../lib/relay-protocol/relay-error-body';
import { HEALTH_PATH, IDENTITIES_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { createApp } from '../../relay/create-app';
import { DEFAULT_LIMITS } from '../../relay/relay-deps';
import { makeUser, signedInit, testApp } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');

describeStores('rate limits', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;

  beforeEach(async () => {
    opened = openedStore();
  });

  it('refuses an identity’s requests past its limit with 429 and Retry-After until the window ends', async () => {
    const t = testApp(opened.store, { limits: { perIdentityPerMinute: 3 } });
    await t.register(alice, bob);
    // Registrations count against the key being registered, not the handle; 20 s into the window.
    t.clock.advance(20_000);
    for (let i = 0; i < 3; i++) expect((await t.signed(alice, 'GET', MAILBOX_PATH)).status).toBe(200);
    const refused = await t.signed(alice, 'GET', MAILBOX_PATH);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(relayErrorBodySchema.parse(await refused.json()).error).toBe('rate-limited');
    // Another identity from the same address is not affected.
    expect((await t.signed(bob, 'GET', MAILBOX_PATH)).status).toBe(200);
    t.clock.advance(40_000);
    expect((await t.signed(alice, 'GET', MAILBOX_PATH)).status).toBe(200);
  });

  it('refuses an address past its limit on any route, signed or not, counting across relay processes', async () => {
    const t = testApp(opened.store, { limits: { perAddressPerMinute: 4 } });
    const sibling = createApp({
      store: await opened.openSibling(),
      now: t.clock.now,
      limits: { ...DEFAULT_LIMITS, perAddressPerMinute: 4 },
      clientAddress: () => '192.0.2.1',
    });
    expect((await t.app.request(HEALTH_PATH)).status).toBe(200);
    expect((await sibling.request(HEALTH_PATH)).status).toBe(200);
    expect((await t.app.request(HEALTH_PATH)).status).toBe(200);
    expect((await sibling.request(HEALTH_PATH)).status).toBe(200);
    const refused = await t.app.request(HEALTH_PATH);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await t.app.request(MAILBOX_PATH)).status).toBe(429);
    t.fromAddress('198.51.100.7');
    expect((await t.app.request(HEALTH_PATH)).status).toBe(200);
  });

  it("does not let a squatter's registrations for a taken handle use up the owner's rate", async () => {
    const t = testApp(opened.store, { limits: { perIdentityPerMinute: 2 } });
    await t.register(alice);
    const squatter = makeUser('alice');
    for (let i = 0; i < 3; i++) {
      const attempt = await t.app.request(IDENTITIES_PATH, signedInit(squatter.signer, 'POST', IDENTITIES_PATH, t.clock.now(), { body: squatter.bundle }));
      expect(attempt.status).toBe(i < 2 ? 409 : 429);
    }
    expect((await t.signed(alice, 'GET', MAILBOX_PATH)).status).toBe(200);
  });

  it('does not count a request with a bad signature against the identity it claims', async () => {
    const t = testApp(opened.store, { limits: { perIdentityPerMinute: 2 } });
    await t.register(alice);
    const mallory = makeUser('alice');
    for (let i = 0; i < 5; i++) expect((await t.signed(mallory, 'GET', MAILBOX_PATH)).status).toBe(401);
    expect((await t.signed(alice, 'GET', MAILBOX_PATH)).status).toBe(200);
  });
});
