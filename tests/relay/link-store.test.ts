/**
 * The link and request part of the store contract (issue 14), against SQLite and PostgreSQL alike: a view
 * is spent only with the right token and only while views are left (exactly N under concurrency, from two
 * processes), a spent link's content is deleted, proofs are kept up to the views spent, owners see and
 * revoke only their own, answers are taken atomically up to the limit, and the purge removes what expired.
 */
import { beforeEach, expect, it } from 'vitest';
import type { LinkToStore, RequestToStore } from '../../relay/store/link-store';
import type { RelayStore } from '../../relay/store/relay-store';
import { makeUser, T0 } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const HOUR = 3_600_000;
const alice = makeUser('alice');
let counter = 0;
const id = () => `link${String(++counter).padStart(18, '0')}`;
const hash = (n: number) => String(n).padStart(43, 'h');

function link(overrides: Partial<LinkToStore> = {}): LinkToStore {
  return { id: id(), owner: 'alice', tokenHash: hash(1), receiptKey: 'k'.repeat(44), expiresAt: T0 + HOUR, maxViews: 3, passphrase: false, content: 'sealed-content', ...overrides };
}
function request(overrides: Partial<RequestToStore> = {}): RequestToStore {
  return { id: id(), owner: 'alice', tokenHash: hash(2), descriptor: 'sealed-descriptor', expiresAt: T0 + HOUR, maxAnswers: 1, ...overrides };
}

describeStores('relay store: links and requests', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let store: RelayStore;

  beforeEach(async () => {
    opened = openedStore();
    store = opened.store;
    await store.registerIdentity(alice.bundle, T0);
  });

  it('spends a view only with the right token, deletes the content with the last view, then refuses', async () => {
    const l = link({ maxViews: 2 });
    expect(await store.createLink(l, T0, 10)).toBe('created');
    expect(await store.createLink(l, T0, 10)).toBe('exists');
    expect(await store.revealLink(l.id, hash(9), T0)).toEqual({ ok: false, reason: 'wrong-token' });
    expect((await store.findLink(l.id, T0))?.viewsLeft).toBe(2);
    expect(await store.revealLink(l.id, l.tokenHash, T0)).toEqual({ ok: true, content: 'sealed-content', viewsLeft: 1 });
    expect(await store.revealLink(l.id, l.tokenHash, T0)).toEqual({ ok: true, content: 'sealed-content', viewsLeft: 0 });
    expect(await store.revealLink(l.id, l.tokenHash, T0)).toEqual({ ok: false, reason: 'gone' });
    expect(await store.revealLink(l.id, hash(9), T0)).toEqual({ ok: false, reason: 'gone' });
    expect(await store.revealLink(id(), l.tokenHash, T0)).toEqual({ ok: false, reason: 'not-found' });
    expect(await store.findLink(l.id, T0)).toMatchObject({ state: 'spent', viewsLeft: 0, maxViews: 2, expiresAt: T0 + HOUR, passphrase: false });
    expect(await opened.dumpRows()).not.toContain('sealed-content');
  });

  it('T25: 20 concurrent reveals of a 3-view link from two processes give exactly 3 contents', async () => {
    const sibling = await opened.openSibling();
    const l = link({ maxViews: 3 });
    await store.createLink(l, T0, 10);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : sibling).revealLink(l.id, l.tokenHash, T0)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'gone')).toHaveLength(17);
    expect(outcomes.flatMap((o) => (o.ok ? [o.viewsLeft] : [])).sort()).toEqual([0, 1, 2]);
  });

  it('refuses reveals after expiry or revocation, and lets only the owner revoke', async () => {
    const expiring = link();
    const revoked = link();
    await store.createLink(expiring, T0, 10);
    await store.createLink(revoked, T0, 10);
    expect(await store.revealLink(expiring.id, expiring.tokenHash, T0 + HOUR)).toEqual({ ok: false, reason: 'gone' });
    expect((await store.findLink(expiring.id, T0 + HOUR))?.state).toBe('expired');
    expect(await store.revokeLink('mallory', revoked.id, T0)).toBe(false);
    expect(await store.revokeLink('alice', revoked.id, T0)).toBe(true);
    expect(await store.revokeLink('alice', revoked.id, T0)).toBe(false);
    expect(await store.revealLink(revoked.id, revoked.tokenHash, T0)).toEqual({ ok: false, reason: 'gone' });
    const owned = await store.listOwnedLinks('alice', T0);
    expect(owned.find((each) => each.id === revoked.id)).toMatchObject({ state: 'revoked', revokedAt: T0, viewsLeft: 3 });
    expect(await store.listOwnedLinks('mallory', T0)).toEqual([]);
  });

  it('keeps "opened" proofs up to the views spent, once per nonce', async () => {
    const l = link({ maxViews: 2 });
    await store.createLink(l, T0, 10);
    const open = (n: string) => ({ nonce: n.repeat(22), at: T0 + 5, proof: 'p'.repeat(88) });
    expect(await store.recordOpen(l.id, open('a'))).toBe(false);
    await store.revealLink(l.id, l.tokenHash, T0);
    expect(await store.recordOpen(l.id, open('a'))).toBe(true);
    expect(await store.recordOpen(l.id, open('a'))).toBe(false);
    expect(await store.recordOpen(l.id, open('b'))).toBe(false);
    await store.revealLink(l.id, l.tokenHash, T0);
    expect(await store.recordOpen(l.id, open('b'))).toBe(true);
    expect((await store.listOwnedLinks('alice', T0))[0]?.opens.map((o) => o.nonce)).toEqual([open('a').nonce, open('b').nonce]);
  });

  it('caps the live links and requests of one owner', async () => {
    expect(await store.createLink(link(), T0, 2)).toBe('created');
    expect(await store.createRequest(request(), T0, 2)).toBe('created');
    expect(await store.createLink(link(), T0, 2)).toBe('too-many');
    expect(await store.createRequest(request(), T0, 2)).toBe('too-many');
    expect(await store.createLink(link({ expiresAt: T0 + 2 * HOUR }), T0 + HOUR, 2)).toBe('created');
  });

  it('takes answers up to the limit with the right token only, atomically from two processes', async () => {
    const sibling = await opened.openSibling();
    const r = request({ maxAnswers: 2 });
    await store.createRequest(r, T0, 10);
    expect(await store.answerRequest(r.id, hash(9), 'answer-x', T0, T0 + 90 * 24 * HOUR)).toEqual({ ok: false, reason: 'wrong-token' });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? store : sibling).answerRequest(r.id, r.tokenHash, `answer-${i}`, T0, T0 + 2 * HOUR)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    expect(await store.findRequest(r.id, T0)).toMatchObject({ state: 'answered', answersLeft: 0, descriptor: null });
    const { requests, answers } = await store.listOwnedRequests('alice', T0);
    expect(requests).toMatchObject([{ id: r.id, state: 'answered', maxAnswers: 2, answersLeft: 0 }]);
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.requestId === r.id && a.receivedAt === T0)).toBe(true);
    expect((await store.listOwnedRequests('mallory', T0)).answers).toEqual([]);
    expect(await store.ackAnswers('mallory', answers.map((a) => a.id))).toBe(0);
    expect(await store.ackAnswers('alice', answers.map((a) => a.id))).toBe(2);
    expect((await store.listOwnedRequests('alice', T0)).answers).toEqual([]);
  });

  it('refuses answers to a revoked or expired request and hides its descriptor', async () => {
    const r = request({ maxAnswers: 3 });
    await store.createRequest(r, T0, 10);
    expect((await store.findRequest(r.id, T0))?.descriptor).toBe('sealed-descriptor');
    expect(await store.answerRequest(r.id, r.tokenHash, 'late', T0 + HOUR, T0 + 3 * HOUR)).toEqual({ ok: false, reason: 'gone' });
    expect(await store.findRequest(r.id, T0 + HOUR)).toMatchObject({ state: 'expired', descriptor: null });
    expect(await store.revokeRequest('mallory', r.id, T0)).toBe(false);
    expect(await store.revokeRequest('alice', r.id, T0)).toBe(true);
    expect(await store.answerRequest(r.id, r.tokenHash, 'x', T0, T0 + 3 * HOUR)).toEqual({ ok: false, reason: 'gone' });
    expect(await store.findRequest(id(), T0)).toBeNull();
  });

  it('purges expired links with their proofs, requests and answers', async () => {
    const l = link({ maxViews: 1 });
    const r = request();
    await store.createLink(l, T0, 10);
    await store.createRequest(r, T0, 10);
    await store.revealLink(l.id, l.tokenHash, T0);
    await store.recordOpen(l.id, { nonce: 'n'.repeat(22), at: T0, proof: 'p'.repeat(88) });
    await store.answerRequest(r.id, r.tokenHash, 'sealed-answer', T0, T0 + 2 * HOUR);
    expect(await store.purgeExpiredLinks(T0 + HOUR)).toEqual({ links: 1, requests: 1, answers: 0 });
    expect(await store.findLink(l.id, T0 + HOUR)).toBeNull();
    expect(await store.purgeExpiredLinks(T0 + 2 * HOUR)).toEqual({ links: 0, requests: 0, answers: 1 });
    expect(await opened.dumpRows()).not.toMatch(/sealed-answer|nnnnnnnn/);
  });
});
