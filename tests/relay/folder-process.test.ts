/**
 * Shared folders across real relay processes (issue 13): two processes on one PostgreSQL database (with
 * TEST_DATABASE_URL; skipped by name without it), and two on one SQLite file in WAL mode, each call of each
 * client going to either process in turn. Three members at once post 30 messages each (20 one by one, 10
 * in batches of 5) and append 5 log entries each by compare-and-swap, while each of them pages the messages with `after` as they arrive:
 * no message is lost, seqs are 1…90 with no gap, every reader (paging live or afterwards) sees the same
 * sequence, and every log seq has exactly one winner, whose entry is the one stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayClient, type RelayClient } from '../../lib/relay-protocol/relay-client';
import { entryText, messageText, randomId } from './folder-fixtures';
import { makeUser } from './fixtures';
import { spawnRelay, type RelayProcess } from './spawn-relay';
import { startPostgresRelays, type PostgresRelayProcesses } from './postgres-relay-processes';
import { TEST_DATABASE_URL } from './store-cases';

const PROCESS_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 120_000;
/** Raised so every call of the run is served, not rate-limited (they all come from one address). */
const LIMITS = { RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_PER_IDENTITY: '100000' };
const POSTS_EACH = 30;
const APPENDS_EACH = 5;

/** A client whose calls go to each relay process in turn (signatures cover the path, not the host). */
function clientOver(relays: RelayProcess[], handle: string) {
  const user = makeUser(handle, Date.now());
  let next = 0;
  const client = createRelayClient({
    baseUrl: relays[0]!.baseUrl,
    signer: user.signer,
    fetch: (url, init) => fetch(new URL(url.pathname + url.search, relays[next++ % relays.length]!.baseUrl), init),
  });
  return { user, client };
}

/** Every message of the folder from `after` on, page by page (7 at a time, to page often). */
async function readFrom(client: RelayClient, folder: string, after: number) {
  const read: { seq: number; id: string }[] = [];
  let cursor = after;
  for (;;) {
    const page = await client.listFolderMessages(folder, { after: cursor, limit: 7 });
    read.push(...page.messages.map((m) => ({ seq: m.seq, id: m.id })));
    cursor = page.messages.at(-1)?.seq ?? cursor;
    if (cursor >= page.head) return read;
  }
}

/** Appends `count` entries of the member's own, each by compare-and-swap from the head it last saw. */
async function appendByCas(client: RelayClient, folder: string, handle: string, count: number) {
  const won: { seq: number; entry: string }[] = [];
  let head = (await client.listFolderLog(folder, { after: 0, limit: 1 })).head;
  let conflicts = 0;
  while (won.length < count) {
    const seq = head + 1;
    const entry = entryText(folder, seq, `${handle}-${won.length}`);
    const outcome = await client.appendFolderLog(folder, { seq, entry });
    if ('ok' in outcome) {
      won.push({ seq, entry });
      head = seq;
    } else {
      conflicts += 1;
      head = outcome.conflict;
    }
  }
  return { won, conflicts };
}

async function threeMembersAtOnce(relays: RelayProcess[]) {
  const members = ['alice', 'bob', 'carol'].map((handle) => ({ handle, ...clientOver(relays, handle) }));
  for (const member of members) await member.client.register(member.user.bundle);
  const [alice] = members;
  const folder = randomId();
  await alice!.client.createFolder(folder, entryText(folder, 1));
  await alice!.client.appendFolderLog(folder, { seq: 2, entry: entryText(folder, 2), access: { add: [{ handle: 'bob', manager: true }, { handle: 'carol', manager: true }] } });

  let writing = members.length;
  const work = members.map(async (member) => {
    const posts = Array.from({ length: POSTS_EACH }, () => randomId());
    // A live reader beside the writer: pages with `after` while everyone writes, then once more.
    const live: { seq: number; id: string }[] = [];
    const reader = (async () => {
      while (writing > 0) live.push(...(await readFrom(member.client, folder, live.at(-1)?.seq ?? 0)));
      live.push(...(await readFrom(member.client, folder, live.at(-1)?.seq ?? 0)));
    })();
    const post = (id: string) => ({ id, message: messageText(folder, id, member.handle) });
    // Two thirds one by one, the rest in batches of 5, whose seqs must come out consecutive.
    const singly = posts.slice(0, (POSTS_EACH * 2) / 3);
    const batches = Array.from({ length: (POSTS_EACH - singly.length) / 5 }, (_, i) => posts.slice(singly.length + i * 5, singly.length + i * 5 + 5));
    const [single, batched, appended] = await Promise.all([
      Promise.all(singly.map(async (id) => ({ id, seq: (await member.client.postFolderMessage(folder, post(id))).seq }))),
      Promise.all(batches.map(async (ids) => ({ ids, seqs: (await member.client.postFolderMessages(folder, ids.map(post))).seqs }))),
      appendByCas(member.client, folder, member.handle, APPENDS_EACH),
    ]);
    for (const batch of batched) expect(batch.seqs).toEqual(batch.seqs.map((_, i) => batch.seqs[0]! + i));
    const seqs = [...single, ...batched.flatMap((batch) => batch.ids.map((id, i) => ({ id, seq: batch.seqs[i]! })))];
    writing -= 1;
    await reader;
    return { seqs, appended, live };
  });
  const results = await Promise.all(work);
  const finals = await Promise.all(members.map((member) => readFrom(member.client, folder, 0)));
  const log = await alice!.client.listFolderLog(folder, { limit: 500 });
  return { results, finals, log };
}

function checkRun({ results, finals, log }: Awaited<ReturnType<typeof threeMembersAtOnce>>) {
  const total = POSTS_EACH * results.length;
  const expected = Array.from({ length: total }, (_, i) => i + 1);
  // Every post answered with a distinct seq, 1…90, and stored under it.
  const answered = results.flatMap((r) => r.seqs);
  expect(answered.map((p) => p.seq).sort((a, b) => a - b)).toEqual(expected);
  const sequence = finals[0]!;
  expect(sequence.map((m) => m.seq)).toEqual(expected);
  for (const post of answered) expect(sequence[post.seq - 1]!.id).toBe(post.id);
  // Every reader, afterwards and live (paging with `after` while others wrote), saw exactly that sequence.
  for (const read of finals) expect(read).toEqual(sequence);
  for (const { live } of results) expect(live).toEqual(sequence);
  // One winner per log seq: the wins are 3…17 with no seq twice, and the stored entry is the winner's.
  const wins = results.flatMap((r) => r.appended.won);
  expect(wins.map((w) => w.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: wins.length }, (_, i) => i + 3));
  expect(log.head).toBe(2 + wins.length);
  for (const win of wins) expect(log.entries[win.seq - 1]!.entry).toBe(win.entry);
}

describe('folders at once [sqlite, two processes on one WAL file]', () => {
  let dataDir: string;
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sealpass-folder-process-'));
    relays = await Promise.all([spawnRelay({ DATA_DIR: dataDir, ...LIMITS }), spawnRelay({ DATA_DIR: dataDir, ...LIMITS })]);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('three members post and append at once: no message lost, seqs contiguous, same sequence for all, one winner per log seq', async () => {
    checkRun(await threeMembersAtOnce(relays));
  }, RUN_TIMEOUT_MS);
});

// Skipped without a database: export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)" to run it.
describe.skipIf(!TEST_DATABASE_URL)('folders at once [postgres, two processes]', () => {
  let processes: PostgresRelayProcesses | undefined;
  let relays: RelayProcess[] = [];
  beforeAll(async () => {
    processes = await startPostgresRelays(TEST_DATABASE_URL!, 'relay_folders', 2, LIMITS);
    relays = processes.relays;
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => processes?.stop());

  it('three members post and append at once: no message lost, seqs contiguous, same sequence for all, one winner per log seq', async () => {
    checkRun(await threeMembersAtOnce(relays));
  }, RUN_TIMEOUT_MS);
});
