/**
 * The shared-folder routes (issue 13) through the relay client and the app, against both stores: every
 * route's success and its refusals (not on the access list, not a manager, compare-and-swap conflict,
 * oversize, bad folder id, a body naming another folder, too many folders, a full folder, a deleted
 * folder, rate limits), idempotent retries, and paging. The client refuses what the relay would, unsent.
 */
import { beforeEach, expect, it } from 'vitest';
import { MAX_FOLDER_ENTRY_BYTES, MAX_FOLDER_MESSAGE_BYTES } from '../../../lib/relay-protocol/relay-limits';
import { createRelayClient } from '../../../lib/relay-protocol/relay-client';
import { RelayError } from '../../../lib/relay-protocol/relay-error';
import { relayErrorBodySchema } from '../../../lib/relay-protocol/relay-error-body';
import { FOLDERS_PATH, folderDeletePath, folderLogPath, folderMessagesPath } from '../../../lib/relay-protocol/relay-paths';
import { DEFAULT_LIMITS } from '../../../relay/relay-deps';
import { entryText, messageText, randomId } from '../folder-fixtures';
import { makeUser, testApp, type TestUser } from '../fixtures';
import { appFetch } from '../link-fixtures';
import { describeStores, useStore, type OpenedStore } from '../store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const carol = makeUser('carol');
const BASE = 'http://relay.test';
const LIMITS = { ...DEFAULT_LIMITS, folders: { maxPerHandle: 2, maxLogEntries: 4, maxMessageBytes: 1 << 20, maxMembers: 10, maxTotalBytes: 1 << 30 } };

describeStores('folder routes', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;
  const client = (user: TestUser) => createRelayClient({ baseUrl: BASE, signer: user.signer, fetch: appFetch(t.app), now: t.clock.now });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof RelayError ? { kind: error.kind, ...error.details } : error),
    );
  const errorOf = async (response: Response) => ({ status: response.status, ...relayErrorBodySchema.parse(await response.json()) });

  /** alice's folder with bob as a viewer on its access list (log head 2). */
  async function sharedFolder(): Promise<string> {
    const folder = randomId();
    expect(await client(alice).createFolder(folder, entryText(folder, 1))).toEqual({ created: true });
    expect(await client(alice).appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2), access: { add: [{ handle: 'bob', manager: false }] } })).toEqual({ ok: true });
    return folder;
  }

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store, { limits: LIMITS });
    await t.register(alice, bob, carol);
  });

  it('creates a folder (201), answers a retry 200 created: false, and another creator 409 exists', async () => {
    const folder = randomId();
    const entry = entryText(folder, 1);
    expect(await client(alice).createFolder(folder, entry)).toEqual({ created: true });
    expect(await client(alice).createFolder(folder, entry)).toEqual({ created: false });
    expect(await refusal(client(bob).createFolder(folder, entry))).toMatchObject({ kind: 'refused', status: 409, code: 'exists' });
    const raw = await t.signed(alice, 'POST', FOLDERS_PATH, { body: { folderId: folder, entry } });
    expect(raw.status).toBe(200);
  });

  it('refuses a creator beyond the per-identity folder limit with 429 too-many-folders and a Retry-After', async () => {
    for (let i = 0; i < LIMITS.folders.maxPerHandle; i++) {
      const folder = randomId();
      await client(alice).createFolder(folder, entryText(folder, 1));
    }
    const folder = randomId();
    expect(await refusal(client(alice).createFolder(folder, entryText(folder, 1)))).toMatchObject({ kind: 'rate-limited', status: 429, code: 'too-many-folders', retryAfterSeconds: 900 });
  });

  it('refuses a bad folder id: the client unsent, the relay with 400', async () => {
    expect(await refusal(client(alice).createFolder('not-a-folder-id', '{}'))).toMatchObject({ kind: 'refused', status: null, code: 'invalid-request' });
    expect(await refusal(client(alice).listFolderLog('short'))).toMatchObject({ status: null, code: 'invalid-request' });
    expect(await refusal(client(alice).deleteFolder('x'.repeat(23)))).toMatchObject({ status: null, code: 'invalid-request' });
    const session = await t.openSession(alice);
    for (const path of [folderLogPath('bad'), folderMessagesPath('a/b'), folderDeletePath('!'.repeat(22))]) {
      const response = await t.inSession(session, 'GET', path);
      expect([400, 404]).toContain(response.status);
    }
    expect(await errorOf(await t.inSession(session, 'GET', folderLogPath('bad')))).toMatchObject({ status: 400, error: 'invalid-request' });
    expect(await errorOf(await t.inSession(session, 'POST', FOLDERS_PATH, { body: { folderId: 'bad', entry: '{}' } }))).toMatchObject({ status: 400, error: 'invalid-request' });
  });

  it('refuses an entry or message whose own folder id, seq or id is not the request’s, with 400', async () => {
    const folder = await sharedFolder();
    const other = randomId();
    expect(await refusal(client(alice).createFolder(other, entryText(folder, 1)))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(alice).createFolder(other, entryText(other, 2)))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(alice).createFolder(other, 'not json'))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(alice).appendFolderLog(folder, { seq: 3, entry: entryText(other, 3) }))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(alice).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 4) }))).toMatchObject({ status: 400, code: 'invalid-request' });
    const id = randomId();
    expect(await refusal(client(bob).postFolderMessage(folder, { id, message: messageText(other, id) }))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(bob).postFolderMessage(folder, { id, message: messageText(folder, randomId()) }))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await client(bob).listFolderLog(folder)).toMatchObject({ head: 2 });
  });

  it('refuses an oversize entry or message: the client unsent, the relay with 413', async () => {
    const folder = await sharedFolder();
    const bigEntry = entryText(folder, 3, 'entry', MAX_FOLDER_ENTRY_BYTES);
    expect(await refusal(client(alice).appendFolderLog(folder, { seq: 3, entry: bigEntry }))).toMatchObject({ status: null, code: 'entry-too-large' });
    const session = await t.openSession(alice);
    expect(await errorOf(await t.inSession(session, 'POST', folderLogPath(folder), { body: { seq: 3, entry: bigEntry } }))).toMatchObject({ status: 413, error: 'entry-too-large' });
    const id = randomId();
    const bigMessage = messageText(folder, id, 'message', MAX_FOLDER_MESSAGE_BYTES);
    expect(await refusal(client(alice).postFolderMessage(folder, { id, message: bigMessage }))).toMatchObject({ status: null, code: 'message-too-large' });
    expect(await errorOf(await t.inSession(session, 'POST', folderMessagesPath(folder), { body: { id, message: bigMessage } }))).toMatchObject({ status: 413, error: 'message-too-large' });
    // The largest message that fits is stored, its quotes escaped in the body included.
    const fits = messageText(folder, id, 'message', MAX_FOLDER_MESSAGE_BYTES - messageText(folder, id, 'message').length);
    expect(await client(alice).postFolderMessage(folder, { id, message: fits })).toEqual({ seq: 1 });
  });

  it('appends by compare-and-swap: {ok: true}, then {conflict: head} for a taken or skipped seq; a retry is ok', async () => {
    const folder = await sharedFolder();
    const third = { seq: 3, entry: entryText(folder, 3) };
    expect(await client(alice).appendFolderLog(folder, third)).toEqual({ ok: true });
    expect(await client(alice).appendFolderLog(folder, third)).toEqual({ ok: true });
    expect(await client(alice).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3, 'another') })).toEqual({ conflict: 3 });
    expect(await client(alice).appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2, 'another') })).toEqual({ conflict: 3 });
    expect(await client(alice).appendFolderLog(folder, { seq: 4 + 1, entry: entryText(folder, 5) })).toEqual({ conflict: 3 });
    const session = await t.openSession(alice);
    expect(await errorOf(await t.inSession(session, 'POST', folderLogPath(folder), { body: { seq: 3, entry: entryText(folder, 3, 'x') } }))).toEqual({
      status: 409,
      error: 'conflict',
      message: expect.any(String),
      head: 3,
    });
  });

  it('lets only a manager append; a member may leave; a stranger is told the folder does not exist', async () => {
    const folder = await sharedFolder();
    expect(await refusal(client(bob).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3), access: { add: [{ handle: 'carol', manager: true }] } }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(await refusal(client(carol).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3) }))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(client(carol).listFolderLog(folder))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(client(carol).listFolderMessages(folder))).toMatchObject({ status: 404, code: 'not-found' });
    const id = randomId();
    expect(await refusal(client(carol).postFolderMessage(folder, { id, message: messageText(folder, id) }))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(client(carol).deleteFolder(folder))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(client(alice).listFolderLog(randomId()))).toMatchObject({ status: 404, code: 'not-found' });
    // Leaving: bob takes only himself off.
    expect(await client(bob).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3), access: { remove: ['bob'] } })).toEqual({ ok: true });
    expect(await refusal(client(bob).listFolderLog(folder))).toMatchObject({ status: 404 });
  });

  it('refuses the entry beyond the log limit with 429 folder-full', async () => {
    const folder = await sharedFolder();
    for (const seq of [3, 4]) await client(alice).appendFolderLog(folder, { seq, entry: entryText(folder, seq) });
    expect(await refusal(client(alice).appendFolderLog(folder, { seq: 5, entry: entryText(folder, 5) }))).toMatchObject({ kind: 'rate-limited', status: 429, code: 'folder-full' });
  });

  it('refuses a message beyond the relay-wide folder budget with 429 relay-full, nothing stored', async () => {
    const folder = await sharedFolder();
    const small = testApp(opened.store, { limits: { ...LIMITS, folders: { ...LIMITS.folders, maxTotalBytes: 100 } }, clock: t.clock });
    const id = randomId();
    const post = await small.signed(bob, 'POST', folderMessagesPath(folder), { body: { id, message: messageText(folder, id, 'x', 200) } });
    expect(await errorOf(post)).toMatchObject({ status: 429, error: 'relay-full' });
    expect(post.headers.get('retry-after')).not.toBeNull();
    expect(await client(bob).listFolderMessages(folder)).toEqual({ messages: [], head: 0 });
  });

  it('reads the log in pages; head says when the last page is read', async () => {
    const folder = await sharedFolder();
    await client(alice).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3) });
    const first = await client(bob).listFolderLog(folder, { limit: 2 });
    expect(first).toEqual({ entries: [{ seq: 1, entry: entryText(folder, 1) }, { seq: 2, entry: entryText(folder, 2) }], head: 3, deleted: false });
    expect(await client(bob).listFolderLog(folder, { after: 2, limit: 2 })).toEqual({ entries: [{ seq: 3, entry: entryText(folder, 3) }], head: 3, deleted: false });
    expect(await refusal(client(bob).listFolderLog(folder, { limit: 501 }))).toMatchObject({ status: null, code: 'invalid-request' });
    for (const query of ['?limit=501', '?limit=0', '?after=-1', '?after=1&x=2']) {
      expect(await errorOf(await t.signed(bob, 'GET', `${folderLogPath(folder)}${query}`))).toMatchObject({ status: 400, error: 'invalid-request' });
    }
  });

  it('posts messages with contiguous seqs, stores a retried id once, refuses the id with other text, and pages', async () => {
    const folder = await sharedFolder();
    const posts = Array.from({ length: 5 }, () => {
      const id = randomId();
      return { id, message: messageText(folder, id) };
    });
    const seqs = [];
    for (const [i, post] of posts.entries()) seqs.push((await client(i % 2 === 0 ? alice : bob).postFolderMessage(folder, post)).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect(await client(alice).postFolderMessage(folder, posts[2]!)).toEqual({ seq: 3 });
    expect(await refusal(client(alice).postFolderMessage(folder, { id: posts[2]!.id, message: messageText(folder, posts[2]!.id, 'changed') }))).toMatchObject({
      status: 409,
      code: 'exists',
    });
    const first = await client(bob).listFolderMessages(folder, { limit: 2 });
    expect(first).toEqual({ messages: posts.slice(0, 2).map((post, i) => ({ seq: i + 1, ...post })), head: 5 });
    const rest = await client(bob).listFolderMessages(folder, { after: 2 });
    expect(rest.messages.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(await client(bob).listFolderMessages(folder, { after: 5 })).toEqual({ messages: [], head: 5 });
  });

  it('posts a batch in one call: seqs in order, all or none, retries answered, too large refused unsent', async () => {
    const folder = await sharedFolder();
    const posts = Array.from({ length: 3 }, () => {
      const id = randomId();
      return { id, message: messageText(folder, id) };
    });
    expect(await client(bob).postFolderMessages(folder, posts)).toEqual({ seqs: [1, 2, 3] });
    expect(await client(bob).postFolderMessages(folder, [posts[1]!, ...posts])).toEqual({ seqs: [2, 1, 2, 3] });
    const fresh = randomId();
    const changed = { id: posts[0]!.id, message: messageText(folder, posts[0]!.id, 'changed') };
    expect(await refusal(client(bob).postFolderMessages(folder, [{ id: fresh, message: messageText(folder, fresh) }, changed]))).toMatchObject({ status: 409, code: 'exists' });
    expect(await client(bob).listFolderMessages(folder)).toMatchObject({ head: 3 });
    expect(await refusal(client(bob).postFolderMessages(folder, [{ id: fresh, message: messageText(randomId(), fresh) }]))).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(await refusal(client(carol).postFolderMessages(folder, [{ id: fresh, message: messageText(folder, fresh) }]))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(client(bob).postFolderMessages(folder, []))).toMatchObject({ status: null, code: 'invalid-request' });
    // 100 messages of 40 KB, quote-heavy: each fits, the body (every quote escaped twice) does not.
    const big = Array.from({ length: 100 }, () => {
      const id = randomId();
      return { id, message: messageText(folder, id, '"'.repeat(20_000)) };
    });
    expect(big[0]!.message.length).toBeLessThan(MAX_FOLDER_MESSAGE_BYTES);
    expect(await refusal(client(bob).postFolderMessages(folder, big))).toMatchObject({ status: null, code: 'body-too-large' });
    expect(await client(bob).postFolderMessages(folder, big.slice(0, 5))).toEqual({ seqs: [4, 5, 6, 7, 8] });
  });

  it('lets a manager delete: messages 410 gone, the log still readable (deleted: true), writes refused', async () => {
    const folder = await sharedFolder();
    const id = randomId();
    await client(bob).postFolderMessage(folder, { id, message: messageText(folder, id) });
    expect(await refusal(client(bob).deleteFolder(folder))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await client(alice).deleteFolder(folder)).toEqual({ deleted: true });
    expect(await client(alice).deleteFolder(folder)).toEqual({ deleted: false });
    expect(await client(bob).listFolderLog(folder)).toMatchObject({ head: 2, deleted: true });
    expect(await refusal(client(bob).listFolderMessages(folder))).toMatchObject({ status: 410, code: 'gone' });
    expect(await refusal(client(bob).postFolderMessage(folder, { id, message: messageText(folder, id) }))).toMatchObject({ status: 410, code: 'gone' });
    expect(await refusal(client(alice).appendFolderLog(folder, { seq: 3, entry: entryText(folder, 3) }))).toMatchObject({ status: 410, code: 'gone' });
  });

  it('needs authentication, signed or in a session, and counts folder calls against the identity’s rate', async () => {
    const folder = await sharedFolder();
    const anonymous = await t.app.request(folderLogPath(folder));
    expect(await errorOf(anonymous)).toMatchObject({ status: 401, error: 'auth-missing' });
    const signed = await t.signed(bob, 'GET', folderLogPath(folder));
    expect(signed.status).toBe(200);
    // A fresh one-minute window, so the calls above do not count.
    t.clock.advance(60_000);
    const limited = testApp(opened.store, { limits: { ...LIMITS, perIdentityPerMinute: 3 }, clock: t.clock });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.signed(bob, 'GET', folderMessagesPath(folder))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
