/**
 * Posting, listing and acknowledging envelopes, against both stores: batches, expiry bounds, size and
 * mailbox limits with their status codes, pagination, and mailbox isolation (Bob never sees or deletes
 * Carol's envelopes).
 */
import { beforeEach, expect, it } from 'vitest';
import { relayErrorBodySchema } from '../../../lib/relay-protocol/relay-error-body';
import { mailboxPageSchema } from '../../../lib/relay-protocol/envelope-schemas';
import { MAX_BODY_BYTES, MAX_ENVELOPE_BYTES, MAX_LIFETIME_MS } from '../../../lib/relay-protocol/relay-limits';
import { ENVELOPES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH } from '../../../lib/relay-protocol/relay-paths';
import { makeUser, postBody, shareId, signedInit, testApp, type TestUser } from '../fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');

describeStores('mailbox routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const post = (from: TestUser, envelopes: unknown[]) => t.signed(from, 'POST', ENVELOPES_PATH, { body: postBody(envelopes) });
  const list = async (user: TestUser, query = '') => {
    const response = await t.signed(user, 'GET', `${MAILBOX_PATH}${query}`);
    expect(response.status).toBe(200);
    return mailboxPageSchema.parse(await response.json());
  };
  const errorOf = async (response: Response) => ({ status: response.status, ...relayErrorBodySchema.parse(await response.json()) });

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store, { limits: { mailbox: { maxEnvelopes: 5, maxBytes: 2 * MAX_ENVELOPE_BYTES } } });
    await t.register(alice, bob, carol);
  });

  it('posts one signed batch to several mailboxes; each recipient lists only its own', async () => {
    const share = shareId();
    const response = await post(alice, [
      { to: 'bob', shareId: share, envelope: 'for-bob' },
      { to: 'carol', shareId: share, envelope: 'for-carol', expiresAt: t.clock.now() + 3_600_000 },
    ]);
    expect(response.status).toBe(201);
    const { ids } = (await response.json()) as { ids: number[] };
    const bobs = await list(bob);
    expect(bobs).toEqual({
      envelopes: [{ id: ids[0], from: 'alice', postId: expect.any(String), shareId: share, postedAt: t.clock.now(), expiresAt: t.clock.now() + MAX_LIFETIME_MS, envelope: 'for-bob' }],
      next: null,
    });
    expect((await list(carol)).envelopes.map((entry) => [entry.id, entry.envelope, entry.expiresAt])).toEqual([
      [ids[1], 'for-carol', t.clock.now() + 3_600_000],
    ]);
    expect((await list(alice)).envelopes).toEqual([]);
  });

  it("never lets Bob list Carol's mailbox: not by asking, not by claiming her handle", async () => {
    await post(alice, [{ to: 'carol', shareId: shareId(), envelope: 'for-carol' }]);
    expect((await list(bob)).envelopes).toEqual([]);
    expect((await errorOf(await t.signed(bob, 'GET', `${MAILBOX_PATH}?recipient=carol`))).error).toBe('invalid-request');
    // Bob signs with his own key but names Carol in Sealpass-Handle.
    const posing = await t.signed({ ...bob, signer: { handle: 'carol', sign: bob.signer.sign } }, 'GET', MAILBOX_PATH);
    expect(await errorOf(posing)).toMatchObject({ status: 401, error: 'auth-invalid' });
    expect((await list(carol)).envelopes.map((entry) => entry.envelope)).toEqual(['for-carol']);
  });

  it("never lets Bob delete Carol's envelopes", async () => {
    const response = await post(alice, [{ to: 'carol', shareId: shareId(), envelope: 'for-carol' }]);
    const { ids } = (await response.json()) as { ids: number[] };
    const ack = await t.signed(bob, 'POST', MAILBOX_ACK_PATH, { body: { ids } });
    expect(await ack.json()).toEqual({ deleted: 0 });
    expect((await list(carol)).envelopes).toHaveLength(1);
    const own = await t.signed(carol, 'POST', MAILBOX_ACK_PATH, { body: { ids } });
    expect(await own.json()).toEqual({ deleted: 1 });
    expect((await list(carol)).envelopes).toEqual([]);
  });

  it('pages through a mailbox with `after` and `limit`', async () => {
    const share = shareId();
    await post(alice, [1, 2, 3].map((n) => ({ to: 'bob', shareId: share, envelope: `e${n}` })));
    const first = await list(bob, '?limit=2');
    expect(first.envelopes.map((entry) => entry.envelope)).toEqual(['e1', 'e2']);
    expect(first.next).toBe(first.envelopes[1]!.id);
    const second = await list(bob, `?after=${first.next}&limit=2`);
    expect(second.envelopes.map((entry) => entry.envelope)).toEqual(['e3']);
    expect(second.next).toBeNull();
    expect((await errorOf(await t.signed(bob, 'GET', `${MAILBOX_PATH}?limit=0`))).error).toBe('invalid-request');
    expect((await errorOf(await t.signed(bob, 'GET', `${MAILBOX_PATH}?limit=201`))).error).toBe('invalid-request');
    expect((await errorOf(await t.signed(bob, 'GET', `${MAILBOX_PATH}?sort=desc`))).error).toBe('invalid-request');
  });

  it('bounds the lifetime: past, or beyond 90 days plus clock skew, is 400; a little skew is clamped to 90 days', async () => {
    const now = t.clock.now();
    const at = (expiresAt: number) => post(alice, [{ to: 'bob', shareId: shareId(), envelope: 'x', expiresAt }]);
    expect(await errorOf(await at(now))).toMatchObject({ status: 400, error: 'invalid-expiry' });
    expect(await errorOf(await at(now + MAX_LIFETIME_MS + 5 * 60_000 + 1))).toMatchObject({ status: 400, error: 'invalid-expiry' });
    expect((await at(now + MAX_LIFETIME_MS + 60_000)).status).toBe(201);
    expect((await list(bob)).envelopes[0]!.expiresAt).toBe(now + MAX_LIFETIME_MS);
  });

  it('takes an envelope of exactly 64 KiB and refuses one byte more with 413 envelope-too-large', async () => {
    const share = shareId();
    // Two-byte UTF-8 characters: the limit is on bytes, not characters.
    const exact = 'é'.repeat(MAX_ENVELOPE_BYTES / 2);
    expect((await post(alice, [{ to: 'bob', shareId: share, envelope: exact }])).status).toBe(201);
    const over = await post(alice, [{ to: 'bob', shareId: share, envelope: `${exact}x` }]);
    expect(await errorOf(over)).toMatchObject({ status: 413, error: 'envelope-too-large' });
  });

  it('refuses a body over the size cap with 413 body-too-large: declared, sent whole, or streamed in chunks', async () => {
    // Signed headers of an empty post: the headers and the key are checked before the body is read (S6).
    const headers = () => signedInit(alice.signer, 'POST', ENVELOPES_PATH, t.clock.now(), { body: {} }).headers as Record<string, string>;
    const declared = await t.app.request(ENVELOPES_PATH, { method: 'POST', headers: { ...headers(), 'content-length': String(MAX_BODY_BYTES + 1) }, body: '{}' });
    expect(await errorOf(declared)).toMatchObject({ status: 413, error: 'body-too-large' });
    const whole = await t.app.request(ENVELOPES_PATH, { method: 'POST', headers: headers(), body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(await errorOf(whole)).toMatchObject({ status: 413, error: 'body-too-large' });
    let pulled = 0;
    const chunk = new Uint8Array(1 << 20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    // `duplex` is required for a stream body (Fetch spec) but missing from TypeScript's RequestInit.
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { ...headers(), 'transfer-encoding': 'chunked' }, body: endless, duplex: 'half' };
    const streamed = await t.app.request(ENVELOPES_PATH, init);
    expect(await errorOf(streamed)).toMatchObject({ status: 413, error: 'body-too-large' });
    // It stopped reading just past the cap instead of buffering an endless body.
    expect(pulled).toBeLessThan(MAX_BODY_BYTES / chunk.length + 4);
  });

  it('T07: refuses a batch with an unknown recipient (404) without saying which, and stores none of it', async () => {
    const response = await post(alice, [
      { to: 'bob', shareId: shareId(), envelope: 'x' },
      { to: 'dave', shareId: shareId(), envelope: 'y' },
    ]);
    const refused = await errorOf(response);
    expect(refused).toMatchObject({ status: 404, error: 'unknown-recipient' });
    // One call must not tell which of up to 100 handles exist (the lookup answers one handle per counted request).
    expect(refused).not.toHaveProperty('recipients');
    expect(JSON.stringify(refused)).not.toContain('dave');
    expect((await list(bob)).envelopes).toEqual([]);
  });

  it('refuses a batch that overfills a mailbox with 429 mailbox-full and a Retry-After', async () => {
    const share = shareId();
    expect((await post(alice, [1, 2, 3, 4].map((n) => ({ to: 'bob', shareId: share, envelope: `x${n}` })))).status).toBe(201);
    const response = await post(alice, [
      { to: 'bob', shareId: share, envelope: 'y' },
      { to: 'bob', shareId: share, envelope: 'z' },
      { to: 'carol', shareId: share, envelope: 'w' },
    ]);
    expect(await errorOf(response)).toMatchObject({ status: 429, error: 'mailbox-full', recipients: ['bob'] });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await list(carol)).envelopes).toEqual([]);
    const bytes = await post(alice, [1, 2, 3].map((n) => ({ to: 'carol', shareId: share, envelope: `${n}`.padEnd(MAX_ENVELOPE_BYTES, 'x') })));
    expect(await errorOf(bytes)).toMatchObject({ status: 429, error: 'mailbox-full', recipients: ['carol'] });
  });

  it('refuses malformed batches with 400 naming the field, not its value', async () => {
    for (const envelopes of [[], [{ to: 'bob', shareId: 'short', envelope: 'x' }], [{ to: 'bob', shareId: shareId(), envelope: '' }]]) {
      expect(await errorOf(await post(alice, envelopes))).toMatchObject({ status: 400, error: 'invalid-request' });
    }
    const tooMany = Array.from({ length: 101 }, () => ({ to: 'bob', shareId: shareId(), envelope: 'x' }));
    expect((await errorOf(await post(alice, tooMany))).message).toBe('invalid request: envelopes');
    const secret = 'Hunter2 Secret!';
    const named = await errorOf(await post(alice, [{ to: secret, shareId: shareId(), envelope: 'x' }]));
    expect(named.message).toBe('invalid request: envelopes.0.to');
    expect(JSON.stringify(named)).not.toContain(secret);
  });
});
