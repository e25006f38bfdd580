/**
 * The shared-folder part of the store contract (issue 13), against SQLite and PostgreSQL alike: creation
 * (retry, clash, per-handle limit), compare-and-swap appends with the access list they carry (managers,
 * leaving, retries, conflicts, limits), messages stored once per id with contiguous per-folder seqs, reads
 * for listed handles only, delete and purge; and, from two store instances on one database at once (two
 * relay processes), exactly one winner per log seq and contiguous message seqs with nothing lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FolderAppend, FolderLimits, FolderMessageToStore } from '../../relay/store/folder-store';
import type { RelayStore } from '../../relay/store/relay-store';
import { entryText, messageText, randomId } from './folder-fixtures';
import { makeUser, T0 } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const LIMITS: FolderLimits = { maxPerHandle: 3, maxLogEntries: 5, maxMessageBytes: 4096, maxMembers: 4, maxTotalBytes: 1 << 30 };
const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((handle) => makeUser(handle));

function append(folder: string, seq: number, access: Partial<Pick<FolderAppend, 'add' | 'remove'>> = {}, note = 'entry'): FolderAppend {
  return { seq, entry: entryText(folder, seq, note), add: access.add ?? [], remove: access.remove ?? [] };
}
/** One message through the batch method, answered as { ok, seq }. */
async function postOne(via: RelayStore, folder: string, handle: string, posted: FolderMessageToStore, now: number, limits: FolderLimits) {
  const outcome = await via.postFolderMessages(folder, handle, [posted], now, limits);
  return outcome.ok ? { ok: true as const, seq: outcome.seqs[0]! } : outcome;
}
function message(folder: string, id = randomId(), note = 'message'): FolderMessageToStore {
  const text = messageText(folder, id, note);
  return { id, message: text, size: Buffer.byteLength(text) };
}

describeStores('relay store: shared folders', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let store: RelayStore;

  /** A folder created by alice with bob (viewer) and carol (manager) on its access list: log head 2. */
  async function folderWithMembers(): Promise<string> {
    const folder = randomId();
    expect(await store.createFolder({ id: folder, creator: 'alice', entry: entryText(folder, 1) }, T0, LIMITS)).toEqual({ ok: true, created: true });
    expect(await store.appendFolderLog(folder, 'alice', append(folder, 2, { add: [{ handle: 'bob', manager: false }, { handle: 'carol', manager: true }] }), LIMITS)).toEqual({ ok: true });
    return folder;
  }

  beforeEach(async () => {
    opened = openedStore();
    store = opened.store;
    for (const user of users) await store.registerIdentity(user.bundle, T0);
  });

  describe('create', () => {
    it('stores seq 1 with the creator as manager; a retry answers created: false; another creator gets exists', async () => {
      const folder = randomId();
      const entry = entryText(folder, 1);
      expect(await store.createFolder({ id: folder, creator: 'alice', entry }, T0, LIMITS)).toEqual({ ok: true, created: true });
      expect(await store.createFolder({ id: folder, creator: 'alice', entry }, T0, LIMITS)).toEqual({ ok: true, created: false });
      expect(await store.createFolder({ id: folder, creator: 'alice', entry: entryText(folder, 1, 'other') }, T0, LIMITS)).toEqual({ ok: false, reason: 'exists' });
      expect(await store.createFolder({ id: folder, creator: 'bob', entry }, T0, LIMITS)).toEqual({ ok: false, reason: 'exists' });
      expect(await store.listFolderLog(folder, 'alice', 0, 10)).toEqual({ ok: true, entries: [{ seq: 1, entry }], head: 1, deleted: false });
    });

    it('refuses a creator at the per-handle limit; deleting one frees a place; a retry still answers at the limit', async () => {
      const folders = [randomId(), randomId(), randomId()];
      for (const folder of folders) expect((await store.createFolder({ id: folder, creator: 'alice', entry: entryText(folder, 1) }, T0, LIMITS)).ok).toBe(true);
      const fourth = randomId();
      expect(await store.createFolder({ id: fourth, creator: 'alice', entry: entryText(fourth, 1) }, T0, LIMITS)).toEqual({ ok: false, reason: 'too-many-folders' });
      expect(await store.createFolder({ id: folders[0]!, creator: 'alice', entry: entryText(folders[0]!, 1) }, T0, LIMITS)).toEqual({ ok: true, created: false });
      // Others are not counted against alice.
      expect((await store.createFolder({ id: fourth, creator: 'bob', entry: entryText(fourth, 1) }, T0, LIMITS)).ok).toBe(true);
      expect(await store.deleteFolder(folders[0]!, 'alice', T0)).toEqual({ ok: true, deleted: true });
      const fifth = randomId();
      expect((await store.createFolder({ id: fifth, creator: 'alice', entry: entryText(fifth, 1) }, T0, LIMITS)).ok).toBe(true);
    });

    it('counts one handle’s concurrent creations from two processes against one limit', async () => {
      const sibling = await opened.openSibling();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => {
          const folder = randomId();
          return (i % 2 === 0 ? store : sibling).createFolder({ id: folder, creator: 'alice', entry: entryText(folder, 1) }, T0, LIMITS);
        }),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(LIMITS.maxPerHandle);
      expect(outcomes.filter((o) => !o.ok && o.reason === 'too-many-folders')).toHaveLength(8 - LIMITS.maxPerHandle);
    });
  });

  describe('log appends', () => {
    it('appends only at head + 1 and answers a conflict with the head', async () => {
      const folder = await folderWithMembers();
      expect(await store.appendFolderLog(folder, 'alice', append(folder, 2, {}, 'late'), LIMITS)).toEqual({ ok: false, reason: 'conflict', head: 2 });
      expect(await store.appendFolderLog(folder, 'alice', append(folder, 4), LIMITS)).toEqual({ ok: false, reason: 'conflict', head: 2 });
      expect(await store.appendFolderLog(folder, 'carol', append(folder, 3), LIMITS)).toEqual({ ok: true });
      const log = await store.listFolderLog(folder, 'bob', 0, 10);
      expect(log.ok && log.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(log.ok && log.head).toBe(3);
    });

    it('answers the identical entry at its seq again as stored (a retry), once', async () => {
      const folder = await folderWithMembers();
      const third = append(folder, 3, { add: [{ handle: 'dave', manager: false }] });
      expect(await store.appendFolderLog(folder, 'alice', third, LIMITS)).toEqual({ ok: true });
      expect(await store.appendFolderLog(folder, 'alice', third, LIMITS)).toEqual({ ok: true });
      const log = await store.listFolderLog(folder, 'dave', 0, 10);
      expect(log.ok && log.head).toBe(3);
    });

    it('lets only managers append; a member may only take themself off (leave); strangers get not-found', async () => {
      const folder = await folderWithMembers();
      expect(await store.appendFolderLog(folder, 'bob', append(folder, 3), LIMITS)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await store.appendFolderLog(folder, 'bob', append(folder, 3, { remove: ['carol'] }), LIMITS)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await store.appendFolderLog(folder, 'bob', append(folder, 3, { add: [{ handle: 'bob', manager: true }] }), LIMITS)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await store.appendFolderLog(folder, 'dave', append(folder, 3), LIMITS)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.appendFolderLog(randomId(), 'alice', append(folder, 1), LIMITS)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.appendFolderLog(folder, 'bob', append(folder, 3, { remove: ['bob'] }), LIMITS)).toEqual({ ok: true });
      expect(await store.listFolderLog(folder, 'bob', 0, 10)).toEqual({ ok: false, reason: 'not-found' });
      expect(await postOne(store, folder, 'bob', message(folder), T0, LIMITS)).toEqual({ ok: false, reason: 'not-found' });
    });

    it('applies access changes: a removed member is out, a demoted manager can no longer append, a promoted one can', async () => {
      const folder = await folderWithMembers();
      expect(await store.appendFolderLog(folder, 'carol', append(folder, 3, { remove: ['bob'], add: [{ handle: 'dave', manager: true }, { handle: 'carol', manager: false }] }), LIMITS)).toEqual({ ok: true });
      expect(await store.listFolderMessages(folder, 'bob', 0, 10)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.appendFolderLog(folder, 'carol', append(folder, 4), LIMITS)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await store.appendFolderLog(folder, 'dave', append(folder, 4), LIMITS)).toEqual({ ok: true });
    });

    it('refuses the entry beyond the log limit and an access list beyond its limit, storing nothing', async () => {
      const folder = await folderWithMembers();
      // Members: alice, bob, carol; the limit is 4.
      expect(await store.appendFolderLog(folder, 'alice', append(folder, 3, { add: [{ handle: 'dave', manager: false }, { handle: 'erin', manager: false }] }), LIMITS)).toEqual({
        ok: false,
        reason: 'folder-full',
      });
      expect(await store.listFolderLog(folder, 'erin', 0, 10)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.listFolderLog(folder, 'alice', 0, 10)).toMatchObject({ ok: true, head: 2 });
      for (const seq of [3, 4, 5]) expect(await store.appendFolderLog(folder, 'alice', append(folder, seq), LIMITS)).toEqual({ ok: true });
      expect(await store.appendFolderLog(folder, 'alice', append(folder, 6), LIMITS)).toEqual({ ok: false, reason: 'folder-full' });
    });

    it('pages the log with after and limit', async () => {
      const folder = await folderWithMembers();
      for (const seq of [3, 4, 5]) await store.appendFolderLog(folder, 'alice', append(folder, seq), LIMITS);
      const first = await store.listFolderLog(folder, 'bob', 0, 2);
      const second = await store.listFolderLog(folder, 'bob', 2, 2);
      const last = await store.listFolderLog(folder, 'bob', 4, 2);
      expect([first, second, last].map((page) => (page.ok ? page.entries.map((e) => e.seq) : null))).toEqual([[1, 2], [3, 4], [5]]);
      expect(last).toMatchObject({ head: 5 });
    });
  });

  describe('messages', () => {
    it('gives contiguous per-folder seqs, stores an id once, refuses the same id with other text', async () => {
      const folder = await folderWithMembers();
      const other = await folderWithMembers();
      const first = message(folder);
      expect(await postOne(store, folder, 'bob', first, T0, LIMITS)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, other, 'bob', message(other), T0, LIMITS)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, folder, 'carol', message(folder), T0, LIMITS)).toEqual({ ok: true, seq: 2 });
      expect(await postOne(store, folder, 'bob', first, T0, LIMITS)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, folder, 'bob', message(folder, first.id, 'changed'), T0, LIMITS)).toEqual({ ok: false, reason: 'exists' });
      expect(await postOne(store, folder, 'dave', message(folder), T0, LIMITS)).toEqual({ ok: false, reason: 'not-found' });
      const page = await store.listFolderMessages(folder, 'alice', 0, 10);
      expect(page).toEqual({ ok: true, head: 2, messages: [{ seq: 1, id: first.id, message: first.message }, { seq: 2, id: expect.any(String), message: expect.any(String) }] });
      expect(await store.listFolderMessages(folder, 'alice', 1, 10)).toMatchObject({ head: 2, messages: [{ seq: 2 }] });
      expect(await store.listFolderMessages(folder, 'dave', 0, 10)).toEqual({ ok: false, reason: 'not-found' });
    });

    it('refuses a message beyond the folder’s byte budget, and still answers a retry of a stored one', async () => {
      const folder = await folderWithMembers();
      const big = { ...message(folder), size: 3000 };
      expect(await postOne(store, folder, 'alice', big, T0, LIMITS)).toMatchObject({ ok: true });
      expect(await postOne(store, folder, 'alice', { ...message(folder), size: 1500 }, T0, LIMITS)).toEqual({ ok: false, reason: 'folder-full' });
      expect(await postOne(store, folder, 'alice', big, T0, LIMITS)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, folder, 'alice', { ...message(folder), size: 1000 }, T0, LIMITS)).toEqual({ ok: true, seq: 2 });
    });
  });

  describe('relay-wide folder budget', () => {
    it('refuses relay-full once all folders together hold maxTotalBytes, whoever created them; a retry is still answered; a delete frees its bytes', async () => {
      const limits = { ...LIMITS, maxTotalBytes: 5000 };
      const first = await folderWithMembers();
      const second = randomId();
      expect(await store.createFolder({ id: second, creator: 'bob', entry: entryText(second, 1) }, T0, limits)).toMatchObject({ ok: true });
      const big = { ...message(first), size: 3000 };
      expect(await postOne(store, first, 'alice', big, T0, limits)).toEqual({ ok: true, seq: 1 });
      // Within bob's folder's own budget (4096), beyond the relay's: refused, nothing stored.
      expect(await postOne(store, second, 'bob', { ...message(second), size: 2500 }, T0, limits)).toEqual({ ok: false, reason: 'relay-full' });
      expect(await store.postFolderMessages(second, 'bob', [message(second), { ...message(second), size: 2000 }], T0, limits)).toEqual({ ok: false, reason: 'relay-full' });
      expect(await store.listFolderMessages(second, 'bob', 0, 10)).toEqual({ ok: true, head: 0, messages: [] });
      expect(await postOne(store, first, 'alice', big, T0, limits)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, second, 'bob', { ...message(second), size: 2000 }, T0, limits)).toEqual({ ok: true, seq: 1 });
      const more = { ...message(second), size: 1000 };
      expect(await postOne(store, second, 'bob', more, T0, limits)).toEqual({ ok: false, reason: 'relay-full' });
      // Deleting the first folder gives its 3000 bytes back, once (deleting it again gives nothing twice).
      expect(await store.deleteFolder(first, 'alice', T0)).toEqual({ ok: true, deleted: true });
      expect(await store.deleteFolder(first, 'alice', T0)).toEqual({ ok: true, deleted: false });
      expect(await postOne(store, second, 'bob', more, T0, limits)).toEqual({ ok: true, seq: 2 });
      const third = randomId();
      expect(await store.createFolder({ id: third, creator: 'carol', entry: entryText(third, 1) }, T0, limits)).toMatchObject({ ok: true });
      expect(await postOne(store, third, 'carol', { ...message(third), size: 2000 }, T0, limits)).toEqual({ ok: true, seq: 1 });
      expect(await postOne(store, third, 'carol', { ...message(third), size: 1 }, T0, limits)).toEqual({ ok: false, reason: 'relay-full' });
    });
  });

  describe('message batches', () => {
    it('stores a batch with consecutive seqs in order; a retried id (stored, or twice in the batch) answers its first seq', async () => {
      const folder = await folderWithMembers();
      const [a, b, c] = [message(folder), message(folder), message(folder)];
      expect(await postOne(store, folder, 'bob', a, T0, LIMITS)).toEqual({ ok: true, seq: 1 });
      expect(await store.postFolderMessages(folder, 'carol', [b, a, c, b], T0, LIMITS)).toEqual({ ok: true, seqs: [2, 1, 3, 2] });
      expect(await store.postFolderMessages(folder, 'carol', [b, a, c, b], T0, LIMITS)).toEqual({ ok: true, seqs: [2, 1, 3, 2] });
      expect(await store.listFolderMessages(folder, 'bob', 0, 10)).toMatchObject({ head: 3, messages: [{ id: a.id }, { id: b.id }, { id: c.id }] });
    });

    it('stores nothing of a batch with one refused message: an id with other text, or over the byte budget', async () => {
      const folder = await folderWithMembers();
      const a = message(folder);
      await postOne(store, folder, 'bob', a, T0, LIMITS);
      expect(await store.postFolderMessages(folder, 'bob', [message(folder), message(folder, a.id, 'changed')], T0, LIMITS)).toEqual({ ok: false, reason: 'exists' });
      const twice = message(folder);
      expect(await store.postFolderMessages(folder, 'bob', [twice, message(folder, twice.id, 'changed')], T0, LIMITS)).toEqual({ ok: false, reason: 'exists' });
      expect(await store.postFolderMessages(folder, 'bob', [message(folder), { ...message(folder), size: LIMITS.maxMessageBytes }], T0, LIMITS)).toEqual({
        ok: false,
        reason: 'folder-full',
      });
      expect(await store.listFolderMessages(folder, 'bob', 0, 10)).toMatchObject({ head: 1, messages: [{ id: a.id }] });
      expect(await postOne(store, folder, 'bob', message(folder), T0, LIMITS)).toEqual({ ok: true, seq: 2 });
    });

    it('keeps each batch’s seqs consecutive when batches race from two processes', async () => {
      const sibling = await opened.openSibling();
      const folder = await folderWithMembers();
      const batches = Array.from({ length: 10 }, () => Array.from({ length: 5 }, () => message(folder)));
      const outcomes = await Promise.all(batches.map((batch, i) => (i % 2 === 0 ? store : sibling).postFolderMessages(folder, 'alice', batch, T0, { ...LIMITS, maxMessageBytes: 1 << 20 })));
      const seqs = outcomes.map((outcome) => (outcome.ok ? outcome.seqs : []));
      for (const run of seqs) expect(run).toEqual(Array.from({ length: 5 }, (_, i) => run[0]! + i));
      expect(seqs.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });
  });

  describe('delete and purge', () => {
    it('lets a manager delete: messages go, the log stays readable, writes are gone; the purge drops the rest', async () => {
      const folder = await folderWithMembers();
      const kept = await folderWithMembers();
      await postOne(store, folder, 'bob', message(folder, randomId(), 'sealed-revision'), T0, LIMITS);
      expect(await store.deleteFolder(folder, 'bob', T0)).toEqual({ ok: false, reason: 'forbidden' });
      expect(await store.deleteFolder(folder, 'dave', T0)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.deleteFolder(randomId(), 'alice', T0)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.deleteFolder(folder, 'carol', T0 + 10)).toEqual({ ok: true, deleted: true });
      expect(await store.deleteFolder(folder, 'alice', T0 + 20)).toEqual({ ok: true, deleted: false });
      expect(await opened.dumpRows()).not.toContain('sealed-revision');
      expect(await store.listFolderLog(folder, 'bob', 0, 10)).toMatchObject({ ok: true, head: 2, deleted: true });
      expect(await store.listFolderMessages(folder, 'bob', 0, 10)).toEqual({ ok: false, reason: 'gone' });
      expect(await postOne(store, folder, 'bob', message(folder), T0, LIMITS)).toEqual({ ok: false, reason: 'gone' });
      expect(await store.appendFolderLog(folder, 'alice', append(folder, 3), LIMITS)).toEqual({ ok: false, reason: 'gone' });
      expect(await store.purgeDeletedFolders(T0 + 9)).toBe(0);
      expect(await store.purgeDeletedFolders(T0 + 10)).toBe(1);
      expect(await store.listFolderLog(folder, 'alice', 0, 10)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.listFolderLog(kept, 'alice', 0, 10)).toMatchObject({ ok: true, head: 2 });
      expect(await opened.dumpRows()).not.toContain(folder);
    });
  });

  describe('two processes at once', () => {
    it('gives exactly one winner per log seq when managers race, and the others the new head', async () => {
      const sibling = await opened.openSibling();
      const folder = await folderWithMembers();
      // alice and carol (both managers) each try seq 3 from alternating processes, four times each.
      const tries = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? store : sibling).appendFolderLog(folder, i < 4 ? 'alice' : 'carol', append(folder, 3, {}, `try-${i}`), LIMITS));
      const outcomes = await Promise.all(tries);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, reason: 'conflict', head: 3 })));
    });

    it('numbers 60 concurrent posts from two processes 1…60 with none lost, and every page agrees', async () => {
      const sibling = await opened.openSibling();
      const folder = await folderWithMembers();
      const posts = Array.from({ length: 60 }, (_, i) => ({ via: i % 2 === 0 ? store : sibling, by: ['alice', 'bob', 'carol'][i % 3]!, message: message(folder) }));
      const seqs = await Promise.all(posts.map((post) => postOne(post.via, folder, post.by, post.message, T0, { ...LIMITS, maxMessageBytes: 1 << 20 })));
      expect(seqs.map((o) => (o.ok ? o.seq : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      const all = await sibling.listFolderMessages(folder, 'bob', 0, 100);
      expect(all.ok && all.messages.map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      // Each id under the seq its post was answered with.
      const bySeq = new Map(all.ok ? all.messages.map((m) => [m.seq, m.id]) : []);
      posts.forEach((post, i) => expect(bySeq.get((seqs[i] as { seq: number }).seq)).toBe(post.message.id));
    });
  });
});
