/**
 * The relay as a real process (`node --import tsx relay/server.ts`) on a free port, driven by the
 * extension's relay client: SQLite in a temp DATA_DIR; one deployment on every core, as two processes on
 * one SQLite file (WAL) and as a node:cluster primary with workers (RELAY_WORKERS); and with
 * TEST_DATABASE_URL two processes on one PostgreSQL database. Processes of one deployment share replay
 * protection.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { SQLITE_FILENAME } from '../../relay/store/open-store';
import { makeUser, shareId } from './fixtures';
import { spawnRelay, type RelayProcess } from './spawn-relay';
import { startPostgresRelays, type PostgresRelayProcesses } from './postgres-relay-processes';
import { TEST_DATABASE_URL } from './store-cases';

const PROCESS_TIMEOUT_MS = 60_000;

/** The ids of the processes whose parent is `pid` (a cluster primary's workers), from ps. */
function workerPids(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out.split(/\s+/).filter(Boolean).map(Number);
}

describe('relay process [sqlite]', () => {
  let dataDir: string;
  let relay: RelayProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sealpass-relay-process-'));
    relay = await spawnRelay({ DATA_DIR: dataDir });
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await relay?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries a share from Alice to Bob through the relay client, then revokes', async () => {
    const alice = makeUser('alice', Date.now());
    const bob = makeUser('bob', Date.now());
    const asAlice = createRelayClient({ baseUrl: relay.baseUrl, signer: alice.signer });
    const asBob = createRelayClient({ baseUrl: relay.baseUrl, signer: bob.signer });
    expect((await asAlice.health()).status).toBe('ok');
    expect(await asAlice.register(alice.bundle)).toEqual({ created: true });
    expect(await asBob.register(bob.bundle)).toEqual({ created: true });
    expect(await asAlice.lookup('bob')).toEqual(bob.bundle);

    const share = shareId();
    const { ids } = await asAlice.post([{ to: 'bob', shareId: share, envelope: 'sealed-offer' }]);
    const page = await asBob.list();
    expect(page.envelopes.map((entry) => [entry.id, entry.from, entry.envelope])).toEqual([[ids[0], 'alice', 'sealed-offer']]);
    expect(await asBob.ack(ids)).toEqual({ deleted: 1 });
    await asAlice.post([{ to: 'bob', shareId: share, envelope: 'sealed-update' }]);
    expect(await asAlice.revoke(share)).toEqual({ dropped: 1 });
    expect((await asBob.list()).envelopes).toEqual([]);
    // Bob's revoke under Alice's share id touches only his own posts (none).
    expect(await asBob.revoke(share)).toEqual({ dropped: 0 });
    expect(existsSync(join(dataDir, SQLITE_FILENAME))).toBe(true);
  });

  it('answers a malformed body with a 4xx JSON error, not a crash', async () => {
    const response = await fetch(`${relay.baseUrl}/v1/identities`, { method: 'POST', body: '{"v":' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'auth-missing' });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await relay.stop()).toBe(0);
    expect(relay.output()).toContain('relay: SIGTERM, shutting down');
  });
});

describe('relay process start-up', () => {
  it('exits 1 with one readable line for a bad setting or an unreachable database', async () => {
    await expect(spawnRelay({ PORT: 'http' })).rejects.toThrow(/code 1[\s\S]*relay: cannot start: bad configuration: PORT/);
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    await expect(spawnRelay({ DATABASE_URL: 'postgres://relay:secret@127.0.0.1:9/relay' })).rejects.toThrow(/relay: cannot start: connect ECONNREFUSED/);
  }, PROCESS_TIMEOUT_MS);
});

/** Alice registers on `first`, Bob on `second`; Alice posts on `first` and Bob lists on `second`. */
async function carriedAcross(first: string, second: string): Promise<void> {
  const alice = makeUser('alice', Date.now());
  const bob = makeUser('bob', Date.now());
  await createRelayClient({ baseUrl: first, signer: alice.signer }).register(alice.bundle);
  await createRelayClient({ baseUrl: second, signer: bob.signer }).register(bob.bundle);
  const { ids } = await createRelayClient({ baseUrl: first, signer: alice.signer }).post([{ to: 'bob', shareId: shareId(), envelope: 'sealed' }]);
  const page = await createRelayClient({ baseUrl: second, signer: bob.signer }).list();
  expect(page.envelopes.map((entry) => entry.id)).toEqual(ids);
  // A call made to one process and replayed to the other is refused: the nonces are in the one file or database.
  const headers = signRequest({ method: 'GET', pathAndQuery: MAILBOX_PATH, body: utf8ToBytes('') }, bob.signer, Date.now());
  expect((await fetch(`${first}${MAILBOX_PATH}`, { headers })).status).toBe(200);
  const replay = await fetch(`${second}${MAILBOX_PATH}`, { headers });
  expect(replay.status).toBe(401);
  expect(await replay.json()).toMatchObject({ error: 'auth-replayed' });
}

describe('relay processes [sqlite, WAL]', () => {
  const dataDirs: string[] = [];
  const started: RelayProcess[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealpass-relay-processes-'));
    dataDirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(started.map((relay) => relay.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves one deployment from two processes on one SQLite file: what one stores the other delivers', async () => {
    const dataDir = freshDataDir();
    const [first, second] = await Promise.all([spawnRelay({ DATA_DIR: dataDir }), spawnRelay({ DATA_DIR: dataDir })]);
    started.push(first, second);
    await carriedAcross(first.baseUrl, second.baseUrl);
    expect(existsSync(join(dataDir, `${SQLITE_FILENAME}-wal`))).toBe(true);
    expect(await Promise.all([first.stop(), second.stop()])).toEqual([0, 0]);
  }, PROCESS_TIMEOUT_MS);

  it('RELAY_WORKERS=2: a node:cluster primary with two workers on one port, which replaces a worker that dies', async () => {
    const cluster = await spawnRelay({ DATA_DIR: freshDataDir(), RELAY_WORKERS: '2' });
    started.push(cluster);
    expect(cluster.output()).toContain('(sqlite, 2 processes)');
    const workers = () => workerPids(cluster.child.pid!);
    const [dying, ...others] = workers();
    expect(others).toHaveLength(1);
    await carriedAcross(cluster.baseUrl, cluster.baseUrl);
    // Connections are handed to the workers in turn: a burst of fresh connections all succeed.
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${cluster.baseUrl}/v1/health`, { headers: { connection: 'close' } }).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
    process.kill(dying!, 'SIGKILL');
    await expect.poll(() => cluster.output(), { timeout: PROCESS_TIMEOUT_MS }).toContain(`relay: worker ${dying} exited`);
    await expect.poll(() => workers().filter((pid) => pid !== dying).length, { timeout: PROCESS_TIMEOUT_MS }).toBe(2);
    expect((await fetch(`${cluster.baseUrl}/v1/health`)).status).toBe(200);
    expect(await cluster.stop()).toBe(0);
  }, PROCESS_TIMEOUT_MS * 2);
});

// Skipped without a database: export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)" to run it.
describe.skipIf(!TEST_DATABASE_URL)('relay processes [postgres]', () => {
  let processes: PostgresRelayProcesses | undefined;
  let first: RelayProcess;
  let second: RelayProcess;

  beforeAll(async () => {
    processes = await startPostgresRelays(TEST_DATABASE_URL!, 'relay_process', 2);
    [first, second] = processes.relays as [RelayProcess, RelayProcess];
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => processes?.stop());

  it('serves one deployment from two processes: what one stores the other delivers, and a replay to the other is refused', async () => {
    await carriedAcross(first.baseUrl, second.baseUrl);
  });
});
