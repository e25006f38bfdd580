/** Registering and looking up identity bundles, against both stores: first come first served, self-signed, 409 for other keys. */
import { beforeEach, expect, it } from 'vitest';
import { relayErrorBodySchema } from '../../../lib/relay-protocol/relay-error-body';
import { IDENTITIES_PATH, identityPath } from '../../../lib/relay-protocol/relay-paths';
import { MAX_SMALL_BODY_BYTES } from '../../../lib/relay-protocol/relay-limits';
import { signIdentityBundle } from '../../../lib/relay-protocol/sign-identity-bundle';
import { makeUser, signedInit, testApp } from '../fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const v2BundleSize = () => JSON.stringify(alice.bundle).length;

describeStores('identity routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const register = (signer: typeof alice, body: unknown) =>
    t.app.request(IDENTITIES_PATH, signedInit(signer.signer, 'POST', IDENTITIES_PATH, t.clock.now(), { body }));
  const codeOf = async (response: Response) => relayErrorBodySchema.parse(await response.json()).error;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
  });

  it('registers a bundle (201), accepts the same keys again (200) and refuses other keys for the handle (409)', async () => {
    const first = await register(alice, alice.bundle);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ created: true });
    const again = await register(alice, alice.bundle);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ created: false });
    const squatter = makeUser('alice');
    const taken = await register(squatter, squatter.bundle);
    expect(taken.status).toBe(409);
    expect(await codeOf(taken)).toBe('handle-taken');
  });

  it('issue 16: a v1 bundle is upgraded by the v2 bundle of the same keys; a v1 bundle never replaces a v2 one (T27); another X-Wing key is refused like other keys (409)', async () => {
    const carol = makeUser('carol');
    const { xwingKey: _pq, xwingSecretKey: _pqSecret, ...classic } = carol.identity;
    const v1 = signIdentityBundle(classic);
    expect(v1.v).toBe(1);
    expect((await register(carol, v1)).status).toBe(201);
    const upgraded = await register(carol, carol.bundle);
    expect(upgraded.status).toBe(200);
    expect(await upgraded.json()).toEqual({ created: false });
    const lookUp = async () => (await t.app.request(identityPath('carol'))).json();
    expect(await lookUp()).toEqual(carol.bundle);
    // The old v1 bundle again (a replay, or an old client): accepted as the same keys, the v2 bundle stays.
    expect((await register(carol, v1)).status).toBe(200);
    expect(await lookUp()).toEqual(carol.bundle);
    // The same X25519 and Ed25519 keys with another X-Wing key is a key change: refused.
    const other = makeUser('carol').identity;
    const swapped = signIdentityBundle({ ...classic, xwingKey: other.xwingKey! });
    const taken = await register(carol, swapped);
    expect(taken.status).toBe(409);
    expect(await codeOf(taken)).toBe('handle-taken');
    expect(await lookUp()).toEqual(carol.bundle);
  });

  it('takes a v2 bundle (1,216-byte X-Wing key, about 2.2 KB of JSON) within the small-body limit', async () => {
    expect(v2BundleSize()).toBeLessThan(MAX_SMALL_BODY_BYTES);
    expect((await register(alice, alice.bundle)).status).toBe(201);
  });

  it('looks a bundle up by handle, unsigned; 404 for an unknown handle, 400 for an invalid one', async () => {
    await t.register(alice);
    const found = await t.app.request(identityPath('alice'));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual(alice.bundle);
    const missing = await t.app.request(identityPath('nobody'));
    expect(missing.status).toBe(404);
    expect(await codeOf(missing)).toBe('not-found');
    expect((await t.app.request(identityPath('NO'))).status).toBe(400);
  });

  it('refuses a bundle whose self-signature does not verify (400 invalid-bundle)', async () => {
    const forged = { ...alice.bundle, encryptionKey: bob.bundle.encryptionKey };
    const response = await register(alice, forged);
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe('invalid-bundle');
    const malformed = await register(alice, { ...alice.bundle, extra: 1 });
    expect(await codeOf(malformed)).toBe('invalid-bundle');
  });

  it("refuses a registration not signed by the bundle's own key", async () => {
    // Bob tries to register Alice's bundle under his signature, and under her handle with his key.
    const asBob = await register(bob, alice.bundle);
    expect(asBob.status).toBe(401);
    const impostor = makeUser('alice');
    const wrongKey = await register(impostor, alice.bundle);
    expect(wrongKey.status).toBe(401);
    expect(await codeOf(wrongKey)).toBe('auth-invalid');
    expect((await t.app.request(identityPath('alice'))).status).toBe(404);
  });

  it('refuses a replayed registration', async () => {
    const init = signedInit(alice.signer, 'POST', IDENTITIES_PATH, t.clock.now(), { body: alice.bundle });
    expect((await t.app.request(IDENTITIES_PATH, init)).status).toBe(201);
    const replay = await t.app.request(IDENTITIES_PATH, init);
    expect(await codeOf(replay)).toBe('auth-replayed');
  });
});
