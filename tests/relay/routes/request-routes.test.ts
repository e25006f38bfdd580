/**
 * Secret request routes through the app (issue 14, T26), against both stores, with the real format code:
 * the page reads the sealed descriptor and detects one swapped by the relay; an answer without the link
 * secret, or replayed into another request, is refused; an answer beyond the limit is refused; the owner
 * collects, opens and acknowledges answers.
 */
import { beforeEach, expect, it } from 'vitest';
import { toBase64Url } from '../../../lib/crypto/base64url';
import { randomBytes } from '../../../lib/crypto/random-bytes';
import { deriveRequestKeys } from '../../../lib/links/format/derive-request-keys';
import { openRequestAnswer } from '../../../lib/links/format/open-request-answer';
import { openRequestDescriptor, RequestDescriptorError } from '../../../lib/links/format/open-request-descriptor';
import { sealRequestAnswer } from '../../../lib/links/format/seal-request-answer';
import { createLinkOwnerClient } from '../../../lib/relay-protocol/link-owner-client';
import { createLinkPublicClient } from '../../../lib/relay-protocol/link-public-client';
import { RelayError } from '../../../lib/relay-protocol/relay-error';
import { createApp } from '../../../relay/create-app';
import { DEFAULT_LIMITS } from '../../../relay/relay-deps';
import type { RelayStore } from '../../../relay/store/relay-store';
import { makeUser, testApp } from '../fixtures';
import { appFetch, makeRequest } from '../link-fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const BASE = 'http://relay.test';

describeStores('request routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const publicClient = () => createLinkPublicClient({ baseUrl: BASE, fetch: appFetch(t.app) });
  const owner = () => createLinkOwnerClient({ baseUrl: BASE, signer: alice.signer, fetch: appFetch(t.app), now: t.clock.now });
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof RelayError ? error.details : error));

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store);
    await t.register(alice);
  });

  it('carries an answer from the page to the owner, who opens it with the request key', async () => {
    const request = makeRequest(alice, t.clock.now());
    await owner().createRequest(request.wire);
    const meta = await publicClient().requestMeta(request.wire.id);
    expect(meta).toMatchObject({ state: 'active', maxAnswers: 1, answersLeft: 1 });
    const descriptor = openRequestDescriptor(request.secret, meta.descriptor ?? '');
    expect(descriptor.label).toBe('hosting login for Acme Mirabelle');
    const keys = deriveRequestKeys(request.secret);
    await publicClient().answer(request.wire.id, keys.token, sealRequestAnswer(descriptor, { v: 1, username: 'root', password: 'Sq-88-orchid' }));
    const { requests, answers } = await owner().listRequests();
    expect(requests).toMatchObject([{ id: request.wire.id, state: 'answered', answersLeft: 0 }]);
    expect(openRequestAnswer(request.keyPair.secretKey, answers[0]!.requestId, answers[0]!.answer)).toMatchObject({ username: 'root', password: 'Sq-88-orchid' });
    expect(await owner().ackAnswers(answers.map((a) => a.id))).toBe(1);
    expect((await owner().listRequests()).answers).toEqual([]);
  });

  it('a second answer beyond the limit is refused', async () => {
    const request = makeRequest(alice, t.clock.now(), 1);
    await owner().createRequest(request.wire);
    const keys = deriveRequestKeys(request.secret);
    const answer = sealRequestAnswer(request.descriptor, { v: 1, password: 'first' });
    await publicClient().answer(request.wire.id, keys.token, answer);
    expect(await refusal(publicClient().answer(request.wire.id, keys.token, answer))).toMatchObject({ status: 410, code: 'gone' });
    expect((await publicClient().requestMeta(request.wire.id)).descriptor).toBeNull();
  });

  it('T26: an answer without the link secret is refused', async () => {
    const request = makeRequest(alice, t.clock.now());
    await owner().createRequest(request.wire);
    const answer = sealRequestAnswer(request.descriptor, { v: 1, password: 'planted' });
    expect(await refusal(publicClient().answer(request.wire.id, toBase64Url(randomBytes(32)), answer))).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await owner().listRequests()).answers).toEqual([]);
    expect((await publicClient().requestMeta(request.wire.id)).answersLeft).toBe(1);
  });

  it('T26: an answer replayed into another request is refused', async () => {
    const first = makeRequest(alice, t.clock.now());
    const second = makeRequest(alice, t.clock.now());
    await owner().createRequest(first.wire);
    await owner().createRequest(second.wire);
    const firstToken = deriveRequestKeys(first.secret).token;
    const answer = sealRequestAnswer(first.descriptor, { v: 1, password: 'for-first-only' });
    await publicClient().answer(first.wire.id, firstToken, answer);
    expect(await refusal(publicClient().answer(second.wire.id, firstToken, answer))).toMatchObject({ status: 403, code: 'forbidden' });
    // And should a relay move it itself, the owner's open fails: the request id is bound into the answer.
    expect(() => openRequestAnswer(second.keyPair.secretKey, second.wire.id, answer)).toThrow();
    expect((await owner().listRequests()).answers.map((a) => a.requestId)).toEqual([first.wire.id]);
  });

  it('T26: a relay that swaps in another request’s descriptor is detected by the page', async () => {
    const mine = makeRequest(alice, t.clock.now());
    const other = makeRequest(makeUser('mallory'), t.clock.now());
    await owner().createRequest(mine.wire);
    const swapping: RelayStore = Object.create(opened.store, {
      findRequest: { value: async (id: string, now: number) => ({ ...(await opened.store.findRequest(id, now))!, descriptor: other.wire.descriptor }) },
    });
    const relay = createApp({ store: swapping, now: t.clock.now, limits: DEFAULT_LIMITS, clientAddress: () => '192.0.2.8' });
    const meta = await createLinkPublicClient({ baseUrl: BASE, fetch: appFetch(relay) }).requestMeta(mine.wire.id);
    expect(() => openRequestDescriptor(mine.secret, meta.descriptor ?? '')).toThrow(RequestDescriptorError);
  });

  it('refuses a create beyond 30 days and answers to unknown requests', async () => {
    const request = makeRequest(alice, t.clock.now());
    expect(await refusal(owner().createRequest({ ...request.wire, expiresAt: t.clock.now() + 31 * 86_400_000 }))).toMatchObject({ status: 400 });
    expect(await refusal(publicClient().answer(request.wire.id, deriveRequestKeys(request.secret).token, '{"v":1}'))).toMatchObject({ status: 404 });
    expect(await owner().revokeRequest(request.wire.id)).toBe(false);
  });
});
