/**
 * The typed relay client against the real app (through its fetch handler, SQLite in memory): every
 * route, and every failure sorted into its RelayError kind — refused, rate-limited with Retry-After,
 * offline (a real refused connection), unavailable, invalid-response — plus clock-offset recovery and
 * requests refused before they are sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ENVELOPE_BYTES, MAX_LIFETIME_MS } from '../../lib/relay-protocol/relay-limits';
import { createRelayClient, type RelayClientOptions } from '../../lib/relay-protocol/relay-client';
import { RelayError } from '../../lib/relay-protocol/relay-error';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import type { RelayStore } from '../../relay/store/relay-store';
import { fakeClock, makeUser, shareId, testApp, type TestUser } from '../relay/fixtures';

const BASE = 'http://relay.test';
const alice = makeUser('alice');
const bob = makeUser('bob');

let store: RelayStore;
let t: ReturnType<typeof testApp>;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
  t = testApp(store, { limits: { mailbox: { maxEnvelopes: 2, maxBytes: 1 << 20 } } });
});
afterEach(async () => {
  await store.close();
});

/** A client that reaches the app in-process; `fetch` is spied so tests can count calls. */
function clientFor(user: TestUser | undefined, options: Partial<RelayClientOptions> = {}) {
  const fetch = vi.fn(async (url: URL, init: RequestInit) => t.app.fetch(new Request(url, init)));
  const client = createRelayClient({ baseUrl: BASE, ...(user ? { signer: user.signer } : {}), fetch, now: t.clock.now, ...options });
  return { client, fetch };
}

async function failure(promise: Promise<unknown>): Promise<RelayError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RelayError)) throw new Error(`expected a RelayError, got ${String(error)}`);
  return error;
}

describe('relay client, every route', () => {
  it('registers, looks up, posts, lists, acknowledges and revokes', async () => {
    const a = clientFor(alice).client;
    const b = clientFor(bob).client;
    expect(await a.health()).toEqual({ status: 'ok', protocol: 1, time: t.clock.now() });
    expect(await a.register(alice.bundle)).toEqual({ created: true });
    expect(await a.register(alice.bundle)).toEqual({ created: false });
    expect(await b.register(bob.bundle)).toEqual({ created: true });
    expect(await a.lookup('bob')).toEqual(bob.bundle);
    expect(await a.lookup('nobody')).toBeNull();

    const share = shareId();
    const { ids } = await a.post([{ to: 'bob', shareId: share, envelope: 'sealed-offer' }]);
    const page = await b.list();
    expect(page).toEqual({
      envelopes: [{ id: ids[0], from: 'alice', postId: expect.any(String), shareId: share, postedAt: t.clock.now(), expiresAt: t.clock.now() + MAX_LIFETIME_MS, envelope: 'sealed-offer' }],
      next: null,
    });
    expect((await b.list({ after: ids[0], limit: 10 })).envelopes).toEqual([]);
    expect(await b.ack(ids)).toEqual({ deleted: 1 });
    await a.post([{ to: 'bob', shareId: share, envelope: 'sealed-update' }]);
    expect(await a.revoke(share)).toEqual({ dropped: 1 });
    expect(await a.revoke(share, ['bob'])).toEqual({ dropped: 0 });
  });
});

describe('relay client errors', () => {
  beforeEach(async () => {
    await t.register(alice, bob);
  });

  it('reports a refusal with its status, code and details, not retryable', async () => {
    const squatter = makeUser('alice');
    const taken = await failure(clientFor(squatter).client.register(squatter.bundle));
    expect(taken).toMatchObject({ kind: 'refused', details: { status: 409, code: 'handle-taken' } });
    expect(taken.retryable).toBe(false);
    const unknown = await failure(clientFor(alice).client.post([{ to: 'dave', shareId: shareId(), envelope: 'x' }]));
    expect(unknown).toMatchObject({ kind: 'refused', details: { status: 404, code: 'unknown-recipient' } });
    expect(unknown.details.recipients).toBeUndefined();
  });

  it('reports 429 as rate-limited with the seconds to wait, for a busy identity and for a full mailbox', async () => {
    const share = shareId();
    const { client } = clientFor(alice);
    await client.post([1, 2].map((n) => ({ to: 'bob', shareId: share, envelope: `x${n}` })));
    const full = await failure(client.post([{ to: 'bob', shareId: share, envelope: 'x3' }]));
    expect(full).toMatchObject({ kind: 'rate-limited', details: { status: 429, code: 'mailbox-full', retryAfterSeconds: 900, recipients: ['bob'] } });
    expect(full.retryable).toBe(true);

    // Opening the session counts too: one call for it, one list, then the limit.
    const busy = testApp(store, { clock: t.clock, limits: { perIdentityPerMinute: 2 } });
    const limited = createRelayClient({ baseUrl: BASE, signer: bob.signer, now: t.clock.now, fetch: async (url, init) => busy.app.fetch(new Request(url, init)) });
    t.clock.advance(60_000 - (t.clock.now() % 60_000) + 15_000);
    await limited.list();
    expect(await failure(limited.list())).toMatchObject({ kind: 'rate-limited', details: { code: 'rate-limited', retryAfterSeconds: 45 } });
  });

  it('reports a connection that is refused as offline', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const client = createRelayClient({ baseUrl: 'http://127.0.0.1:9', signer: alice.signer });
    const error = await failure(client.list());
    expect(error).toMatchObject({ kind: 'offline', details: { status: null } });
    expect(error.retryable).toBe(true);
  });

  it("reports a proxy's 5xx page as unavailable and a body that breaks the protocol as invalid-response", async () => {
    const proxy = createRelayClient({ baseUrl: BASE, fetch: async () => new Response('<h1>502 Bad Gateway</h1>', { status: 502 }) });
    expect(await failure(proxy.health())).toMatchObject({ kind: 'unavailable', details: { status: 502 } });
    const liar = createRelayClient({
      baseUrl: BASE,
      signer: bob.signer,
      fetch: async () => Response.json({ envelopes: [{ id: 'one', envelope: 42 }], next: null }),
    });
    const error = await failure(liar.list());
    expect(error).toMatchObject({ kind: 'invalid-response', details: { status: 200 } });
    expect(error.retryable).toBe(false);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const retryAt = new Date(t.clock.now() + 120_000).toUTCString();
    const client = createRelayClient({
      baseUrl: BASE,
      now: t.clock.now,
      fetch: async () => Response.json({ error: 'rate-limited', message: 'slow down' }, { status: 429, headers: { 'retry-after': retryAt } }),
    });
    expect(await failure(client.health())).toMatchObject({ kind: 'rate-limited', details: { retryAfterSeconds: 120 } });
  });

  it('recovers from a wrong local clock once, using the relay time from auth-stale', async () => {
    const skewed = fakeClock(t.clock.now() + 10 * 60_000);
    const { client, fetch } = clientFor(bob, { now: skewed.now });
    expect((await client.list()).envelopes).toEqual([]);
    // The session's opening is refused as stale, then opened with the relay's time, then the list.
    expect(fetch).toHaveBeenCalledTimes(3);
    await client.list();
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('refuses, unsent, what the relay would refuse: an oversized envelope, a bad handle, a signed call without a signer', async () => {
    const { client, fetch } = clientFor(alice);
    const tooBig = await failure(client.post([{ to: 'bob', shareId: shareId(), envelope: 'x'.repeat(MAX_ENVELOPE_BYTES + 1) }]));
    expect(tooBig).toMatchObject({ kind: 'refused', details: { status: null, code: 'envelope-too-large' } });
    expect(await failure(client.lookup('../admin'))).toMatchObject({ kind: 'refused', details: { code: 'invalid-request' } });
    expect(await failure(clientFor(undefined).client.list())).toMatchObject({ kind: 'refused', details: { status: null } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('relay client sessions', () => {
  beforeEach(async () => {
    await t.register(alice, bob);
  });

  /** Which authentication each request carried: `signed`, `mac` or `none`. */
  const authOf = (fetch: ReturnType<typeof clientFor>['fetch']) =>
    fetch.mock.calls.map(([url, init]) => {
      const headers = new Headers(init.headers);
      return `${init.method} ${url.pathname} ${headers.has('Sealpass-Signature') ? 'signed' : headers.has('Sealpass-Mac') ? 'mac' : 'none'}`;
    });

  it('signs once to open a session, then authenticates every call with a MAC; endSession revokes it with the identity key', async () => {
    const { client, fetch } = clientFor(alice);
    const share = shareId();
    await client.post([{ to: 'bob', shareId: share, envelope: 'sealed' }]);
    await client.list();
    await client.revoke(share);
    await client.endSession();
    expect(authOf(fetch)).toEqual([
      'POST /v1/sessions signed',
      'POST /v1/envelopes mac',
      'GET /v1/mailbox mac',
      'POST /v1/shares/revoke mac',
      'POST /v1/sessions/revoke signed',
    ]);
  });

  it('opens a new session by itself when the relay ended one (revoked elsewhere, or expired), and the call goes through once', async () => {
    const { client, fetch } = clientFor(bob);
    await client.list();
    await t.signed(bob, 'POST', '/v1/sessions/revoke', { body: {} });
    expect((await client.list()).envelopes).toEqual([]);
    t.clock.advance(60 * 60_000);
    await client.list();
    expect(authOf(fetch)).toEqual([
      'POST /v1/sessions signed',
      'GET /v1/mailbox mac',
      'GET /v1/mailbox mac',
      'POST /v1/sessions signed',
      'GET /v1/mailbox mac',
      'POST /v1/sessions signed',
      'GET /v1/mailbox mac',
    ]);
  });

  it('T04: a post retried after its answer was lost (the client timed out) is stored once, under the same ids', async () => {
    let lose = true;
    const flaky = vi.fn(async (url: URL, init: RequestInit) => {
      const response = await t.app.fetch(new Request(url, init));
      if (lose && url.pathname === '/v1/envelopes') {
        lose = false;
        throw new TypeError('fetch failed');
      }
      return response;
    });
    const client = createRelayClient({ baseUrl: BASE, signer: alice.signer, fetch: flaky, now: t.clock.now });
    const envelopes = [{ to: 'bob', shareId: shareId(), envelope: 'sealed-once' }];
    expect(await failure(client.post(envelopes))).toMatchObject({ kind: 'offline' });
    const { ids } = await client.post(envelopes);
    const listed = await clientFor(bob).client.list();
    expect(listed.envelopes.map((entry) => [entry.id, entry.envelope])).toEqual([[ids[0], 'sealed-once']]);
  });
});
