/**
 * One-time link routes through the app (issue 14, T25), against both stores, with the real format code:
 * GET and HEAD never spend a view, exactly N of 20 concurrent reveals succeed, a relay that extends the
 * terms makes the content fail to open, a wrong passphrase spends nothing, a forged "opened" proof is
 * refused, and only the owner lists or revokes.
 */
import { beforeEach, expect, it } from 'vitest';
import { DecryptError } from '../../../lib/crypto/sealed';
import { deriveLinkKeys } from '../../../lib/links/format/derive-link-keys';
import { openLinkContent } from '../../../lib/links/format/open-link-content';
import { signOpenedProof } from '../../../lib/links/format/sign-opened-proof';
import { toBase64Url } from '../../../lib/crypto/base64url';
import { randomBytes } from '../../../lib/crypto/random-bytes';
import { createLinkOwnerClient } from '../../../lib/relay-protocol/link-owner-client';
import { LINK_PAGE_PATH, linkPath, linkRevealPath, REQUEST_PAGE_PATH } from '../../../lib/relay-protocol/link-paths';
import { createLinkPublicClient } from '../../../lib/relay-protocol/link-public-client';
import { RelayError } from '../../../lib/relay-protocol/relay-error';
import { assemblePage } from '../../../relay/pages/relay-pages';
import { createApp } from '../../../relay/create-app';
import { DEFAULT_LIMITS } from '../../../relay/relay-deps';
import type { RelayStore } from '../../../relay/store/relay-store';
import { makeUser, testApp } from '../fixtures';
import { appFetch, makeLink } from '../link-fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const pages = {
  link: assemblePage({ title: 'link', script: 'void 0;', style: 'body{}' }),
  request: assemblePage({ title: 'request', script: 'void 1;', style: 'body{}' }),
};
const BASE = 'http://relay.test';

describeStores('link routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const publicClient = () => createLinkPublicClient({ baseUrl: BASE, fetch: appFetch(t.app) });
  const ownerClient = (user = alice) => createLinkOwnerClient({ baseUrl: BASE, signer: user.signer, fetch: appFetch(t.app), now: t.clock.now });
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof RelayError ? error.details : error));

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store, { pages, limits: { links: { perAddressPerMinute: 1000, maxLivePerIdentity: 1000 } } });
    await t.register(alice, bob);
  });

  it('T25: GET and HEAD never spend a view — the page, the state, or the reveal path', async () => {
    const { wire } = await makeLink(t.clock.now(), { maxViews: 1 });
    await ownerClient().createLink(wire);
    for (let round = 0; round < 3; round++) {
      for (const method of ['GET', 'HEAD']) {
        for (const path of [LINK_PAGE_PATH, `${LINK_PAGE_PATH}?preview=1`, REQUEST_PAGE_PATH, linkPath(wire.id), linkRevealPath(wire.id)]) {
          const response = await t.app.request(path, { method });
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
        }
      }
    }
    expect(await publicClient().linkMeta(wire.id)).toMatchObject({ state: 'active', viewsLeft: 1 });
  });

  it('serves the pages with a hashed-script CSP, no referrer and no-store', async () => {
    const response = await t.app.request(LINK_PAGE_PATH);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}' 'wasm-unsafe-eval'/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // 'wasm-unsafe-eval' lets WebAssembly (Argon2id) compile; nothing else unsafe is allowed.
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<script>void 0;</script>');
    expect((await t.app.request(REQUEST_PAGE_PATH)).status).toBe(200);
  });

  it('T25: 20 concurrent reveals of a 3-view link through two relay apps give exactly 3 contents', async () => {
    const { secret, content, terms, wire } = await makeLink(t.clock.now(), { maxViews: 3 });
    await ownerClient().createLink(wire);
    const sibling = createApp({ store: await opened.openSibling(), now: t.clock.now, limits: { ...DEFAULT_LIMITS, links: { perAddressPerMinute: 1000, maxLivePerIdentity: 1000 } }, clientAddress: () => '192.0.2.9' });
    const keys = await deriveLinkKeys(secret, null);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? t.app : sibling).request(linkRevealPath(wire.id), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: keys.token }) }),
      ),
    );
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(3);
    expect(responses.filter((r) => r.status === 410)).toHaveLength(17);
    for (const response of ok) {
      const body = (await response.json()) as { content: string };
      expect(openLinkContent(keys.contentKey, wire.id, body.content, terms)).toEqual(content);
    }
    expect(await publicClient().linkMeta(wire.id)).toMatchObject({ state: 'spent', viewsLeft: 0 });
  });

  it('T25: a relay that reports a later expiry or more views makes the content fail to open', async () => {
    const { secret, terms, wire } = await makeLink(t.clock.now(), { maxViews: 2 });
    await ownerClient().createLink(wire);
    const lying: RelayStore = Object.create(opened.store, {
      findLink: {
        value: async (id: string, now: number) => {
          const meta = await opened.store.findLink(id, now);
          return meta && { ...meta, expiresAt: meta.expiresAt + 30 * 86_400_000, maxViews: 100, viewsLeft: 99 };
        },
      },
    });
    const liar = createApp({ store: lying, now: t.clock.now, limits: DEFAULT_LIMITS, clientAddress: () => '192.0.2.7' });
    const client = createLinkPublicClient({ baseUrl: BASE, fetch: appFetch(liar) });
    const meta = await client.linkMeta(wire.id);
    expect(meta.maxViews).toBe(100);
    const keys = await deriveLinkKeys(secret, null);
    const { content } = await client.reveal(wire.id, keys.token);
    expect(() => openLinkContent(keys.contentKey, wire.id, content, { expiresAt: meta.expiresAt, maxViews: meta.maxViews, passphrase: meta.passphrase })).toThrow(DecryptError);
    expect(() => openLinkContent(keys.contentKey, wire.id, content, { ...terms, maxViews: 100 })).toThrow(DecryptError);
    expect(() => openLinkContent(keys.contentKey, wire.id, content, { ...terms, expiresAt: meta.expiresAt })).toThrow(DecryptError);
  });

  it('T25: a wrong passphrase is refused by the relay and spends nothing', async () => {
    const { secret, terms, wire } = await makeLink(t.clock.now(), { maxViews: 1, passphrase: 'harbour lantern' });
    await ownerClient().createLink(wire);
    const wrong = await deriveLinkKeys(secret, 'harbour lanterns');
    expect(await refusal(publicClient().reveal(wire.id, wrong.token))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await publicClient().linkMeta(wire.id)).toMatchObject({ state: 'active', viewsLeft: 1, passphrase: true });
    const right = await deriveLinkKeys(secret, 'harbour lantern');
    const { content, viewsLeft } = await publicClient().reveal(wire.id, right.token);
    expect(viewsLeft).toBe(0);
    expect(openLinkContent(right.contentKey, wire.id, content, terms).title).toBe('Quartzwing hosting panel');
    expect(await refusal(publicClient().reveal(wire.id, right.token))).toMatchObject({ status: 410, code: 'gone' });
  });

  it('refuses a forged "opened" proof and keeps the real one for the owner', async () => {
    const { secret, content, wire } = await makeLink(t.clock.now(), { maxViews: 2 });
    await ownerClient().createLink(wire);
    const keys = await deriveLinkKeys(secret, null);
    await publicClient().reveal(wire.id, keys.token);
    const forged = signOpenedProof(toBase64Url(randomBytes(32)), wire.id, t.clock.now());
    expect(await refusal(publicClient().opened(wire.id, forged))).toMatchObject({ status: 403, code: 'forbidden' });
    const otherLink = signOpenedProof(content.receiptSeed, 'A'.repeat(22), t.clock.now());
    expect(await refusal(publicClient().opened(wire.id, { ...otherLink }))).toMatchObject({ status: 403 });
    const real = signOpenedProof(content.receiptSeed, wire.id, t.clock.now());
    expect(await publicClient().opened(wire.id, { ...real, at: real.at + 1 }).catch((e: RelayError) => e.details.status)).toBe(403);
    expect(await publicClient().opened(wire.id, real)).toBe(true);
    expect(await publicClient().opened(wire.id, real)).toBe(false);
    const [owned] = await ownerClient().listLinks();
    expect(owned).toMatchObject({ id: wire.id, viewsLeft: 1, opens: [real] });
  });

  it('lets only the owner list and revoke; a revoked link reveals nothing', async () => {
    const { secret, wire } = await makeLink(t.clock.now());
    await ownerClient().createLink(wire);
    expect(await ownerClient(bob).listLinks()).toEqual([]);
    expect(await ownerClient(bob).revokeLink(wire.id)).toBe(false);
    expect(await ownerClient().revokeLink(wire.id)).toBe(true);
    const keys = await deriveLinkKeys(secret, null);
    expect(await refusal(publicClient().reveal(wire.id, keys.token))).toMatchObject({ status: 410 });
    expect((await ownerClient().listLinks())[0]).toMatchObject({ state: 'revoked' });
  });

  it('refuses a create beyond 30 days, a taken id, and malformed ids', async () => {
    const { wire } = await makeLink(t.clock.now());
    expect(await refusal(ownerClient().createLink({ ...wire, expiresAt: t.clock.now() + 31 * 86_400_000 }))).toMatchObject({ status: 400, code: 'invalid-expiry' });
    await ownerClient().createLink(wire);
    expect(await refusal(ownerClient().createLink(wire))).toMatchObject({ status: 409, code: 'exists' });
    expect((await t.app.request('/v1/links/not-an-id')).status).toBe(400);
    expect(await refusal(publicClient().linkMeta('B'.repeat(22)))).toMatchObject({ status: 404 });
    expect((await t.app.request(linkRevealPath(wire.id), { method: 'POST', body: '{"token":1}' })).status).toBe(400);
  });
});
