/**
 * The folder half of the relay client (issue 13) at its edges, against the real app (SQLite in memory)
 * with answers the app would not give substituted: a 409 conflict becomes `{ conflict: head }` and any
 * other 409 stays an error; a malformed answer is invalid-response; a request the relay would refuse is
 * refused unsent; an entry past the relay's 10,000 reaches it (to be answered folder-full, not 400).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { appendFolderLogRequestSchema } from '../../lib/relay-protocol/folder-schemas';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { RelayError } from '../../lib/relay-protocol/relay-error';
import { MAX_FOLDER_LOG_ENTRIES } from '../../lib/relay-protocol/relay-limits';
import { folderLogPath } from '../../lib/relay-protocol/relay-paths';
import type { RelayStore } from '../../relay/store/relay-store';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { entryText, randomId } from '../relay/folder-fixtures';
import { makeUser, testApp } from '../relay/fixtures';

const alice = makeUser('alice');
let store: RelayStore;
let t: ReturnType<typeof testApp>;
/** Answers for a path, instead of the app's. */
let canned: Map<string, Response>;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
  t = testApp(store);
  await t.register(alice);
  canned = new Map();
});
afterEach(async () => {
  await store.close();
});

const fetch = vi.fn(async (url: URL, init: RequestInit) => canned.get(url.pathname) ?? t.app.fetch(new Request(url, init)));
const client = () => createRelayClient({ baseUrl: 'http://relay.test', signer: alice.signer, fetch, now: t.clock.now });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof RelayError ? error : null));

it('turns a 409 conflict into { conflict: head }; another 409, or a conflict without a head, stays an error', async () => {
  const folder = randomId();
  await client().createFolder(folder, entryText(folder, 1));
  canned.set(folderLogPath(folder), json(409, { error: 'conflict', message: 'taken', head: 7 }));
  expect(await client().appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2) })).toEqual({ conflict: 7 });
  canned.set(folderLogPath(folder), json(409, { error: 'exists', message: 'taken' }));
  expect((await failure(client().appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2) })))?.details).toMatchObject({ status: 409, code: 'exists' });
  canned.set(folderLogPath(folder), json(409, { error: 'conflict', message: 'taken' }));
  expect((await failure(client().appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2) })))?.kind).toBe('refused');
});

it('reports an answer that is not the protocol’s as invalid-response', async () => {
  const folder = randomId();
  canned.set(folderLogPath(folder), json(200, { entries: [{ seq: 0, entry: 'x' }], head: 1, deleted: false }));
  expect((await failure(client().listFolderLog(folder)))?.kind).toBe('invalid-response');
});

it('refuses unsent what the relay would refuse: a bad id, a bad page, bad access hints', async () => {
  fetch.mockClear();
  const folder = randomId();
  const c = client();
  for (const call of [
    () => c.listFolderMessages(folder, { limit: 501 }),
    () => c.listFolderLog(folder, { after: -1 }),
    () => c.listFolderLog(folder, { limit: 1.5 }),
    () => c.postFolderMessage(folder, { id: 'short', message: '{}' }),
    () => c.appendFolderLog(folder, { seq: 0, entry: entryText(folder, 0) }),
    () => c.appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2), access: { add: [{ handle: 'Not A Handle', manager: false }] } }),
    () => c.appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2), access: { remove: Array.from({ length: 101 }, (_, i) => `user${i}`) } }),
  ]) {
    expect((await failure(call()))?.details).toMatchObject({ status: null, code: 'invalid-request' });
  }
  expect(fetch).not.toHaveBeenCalled();
});

it('lets an entry past the relay’s 10,000 through, so the relay answers it folder-full rather than 400', () => {
  const folder = randomId();
  expect(appendFolderLogRequestSchema.safeParse({ seq: MAX_FOLDER_LOG_ENTRIES + 1, entry: entryText(folder, MAX_FOLDER_LOG_ENTRIES + 1) }).success).toBe(true);
});
