/**
 * S6, the relay's availability against its own users, through the app and against both stores: one
 * address cannot register identities without end, all mailboxes together cannot grow past the relay's
 * storage budget, and a request body is read only after its headers and the caller's registered key check
 * out, and never past what its route needs.
 */
import { beforeEach, expect, it } from 'vitest';
import { relayErrorBodySchema } from '../../lib/relay-protocol/relay-error-body';
import { MAX_ENVELOPE_BYTES } from '../../lib/relay-protocol/relay-limits';
import { ENVELOPES_PATH, IDENTITIES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { makeUser, postBody, shareId, signedInit, testApp, type TestUser } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const HOUR = 3_600_000;
const alice = makeUser('alice');
const bob = makeUser('bob');

const errorOf = async (response: Response) => ({ status: response.status, ...relayErrorBodySchema.parse(await response.json()) });

/** A request body that never ends, counting how many 1 MiB chunks the relay pulled from it. */
function endlessBody() {
  const chunk = new Uint8Array(1 << 20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

/** Signed headers of `user` for an empty POST to `path`, sent with an endless chunked body instead. */
function streamedInit(user: TestUser, path: string, time: number, stream: ReadableStream<Uint8Array>): RequestInit {
  const signed = signedInit(user.signer, 'POST', path, time, { body: {} });
  // `duplex` is required for a stream body (Fetch spec) but missing from TypeScript's RequestInit.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { ...(signed.headers as Record<string, string>), 'transfer-encoding': 'chunked' },
    body: stream,
    duplex: 'half',
  };
  return init;
}

describeStores('relay availability (S6)', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;

  beforeEach(async () => {
    opened = openedStore();
  });

  it('S6: one address registers a limited number of new identities per hour; same-key retries and other addresses are not held back', async () => {
    const t = testApp(opened.store, { limits: { registrationsPerAddressPerHour: 3 } });
    const users = ['one', 'two', 'three', 'four'].map((handle) => makeUser(`user-${handle}`));
    await t.register(...users.slice(0, 3));
    const register = (user: TestUser) => t.app.request(IDENTITIES_PATH, signedInit(user.signer, 'POST', IDENTITIES_PATH, t.clock.now(), { body: user.bundle }));
    const refused = await register(users[3]!);
    expect(await errorOf(refused)).toMatchObject({ status: 429, error: 'rate-limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await opened.store.findIdentity('user-four')).toBeNull();
    // Registering the same keys again (a client retrying) creates nothing and is not counted.
    expect((await register(users[0]!)).status).toBe(200);
    t.fromAddress('198.51.100.7');
    expect((await register(users[3]!)).status).toBe(201);
    t.fromAddress('192.0.2.1');
    t.clock.advance(HOUR);
    expect((await register(makeUser('user-five'))).status).toBe(201);
  });

  it('S6: all mailboxes together stay within the relay’s storage budget: a post past it is refused whole with 429 relay-full, and space comes back', async () => {
    const t = testApp(opened.store, { limits: { storageMaxBytes: 3 * MAX_ENVELOPE_BYTES } });
    const carol = makeUser('carol');
    await t.register(alice, bob, carol);
    const full = 'x'.repeat(MAX_ENVELOPE_BYTES);
    const post = (envelopes: unknown[]) => t.signed(alice, 'POST', ENVELOPES_PATH, { body: postBody(envelopes) });
    expect((await post([{ to: 'bob', shareId: shareId(), envelope: full }, { to: 'carol', shareId: shareId(), envelope: full }])).status).toBe(201);
    const refused = await post([
      { to: 'carol', shareId: shareId(), envelope: 'small' },
      { to: 'bob', shareId: shareId(), envelope: full },
    ]);
    expect(await errorOf(refused)).toMatchObject({ status: 429, error: 'relay-full' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const listed = (await (await t.signed(carol, 'GET', MAILBOX_PATH)).json()) as { envelopes: { id: number }[] };
    expect(listed.envelopes).toHaveLength(1);
    // Carol reads hers: the relay deletes it and the space is free again.
    await t.signed(carol, 'POST', MAILBOX_ACK_PATH, { body: { ids: listed.envelopes.map((e) => e.id) } });
    expect((await post([{ to: 'bob', shareId: shareId(), envelope: full }])).status).toBe(201);
  });

  it('S6: reads no body for a handle nobody registered, a stale time or malformed headers', async () => {
    const t = testApp(opened.store);
    await t.register(alice);
    const ghost = makeUser('ghost');
    const cases: [TestUser, number, Record<string, string>, string][] = [
      [ghost, t.clock.now(), {}, 'auth-unknown-identity'],
      [alice, t.clock.now() - 10 * 60_000, {}, 'auth-stale'],
      [alice, t.clock.now(), { 'Sealpass-Nonce': 'not-hex' }, 'auth-invalid'],
    ];
    for (const [user, time, headers, code] of cases) {
      const { stream, counter } = endlessBody();
      const init = streamedInit(user, ENVELOPES_PATH, time, stream);
      const response = await t.app.request(ENVELOPES_PATH, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
      expect(await errorOf(response)).toMatchObject({ status: 401, error: code });
      // Nothing pulled but what the stream offers up front.
      expect(counter.pulled).toBeLessThanOrEqual(1);
    }
  });

  it('S6: reads no more of a body than its route needs: an acknowledgement is small', async () => {
    const t = testApp(opened.store);
    await t.register(alice);
    const { stream, counter } = endlessBody();
    const response = await t.app.request(MAILBOX_ACK_PATH, streamedInit(alice, MAILBOX_ACK_PATH, t.clock.now(), stream));
    expect(await errorOf(response)).toMatchObject({ status: 413, error: 'body-too-large' });
    expect(counter.pulled).toBeLessThanOrEqual(2);
    const declared = await t.app.request(IDENTITIES_PATH, { method: 'POST', headers: { 'content-length': String(1 << 20) }, body: '{}' });
    expect((await errorOf(declared)).status).toBeGreaterThanOrEqual(400);
  });
});
