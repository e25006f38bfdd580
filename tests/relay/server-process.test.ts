/**
 * The relay as a real process (`node --import tsx relay/server.ts`) on a free port, driven by the
 * extension's relay client: SQLite in a temp DATA_DIR, and with TEST_DATABASE_URL two processes on one
 * PostgreSQL database that share replay protection.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { SQLITE_FILENAME } from '../../relay/store/open-store';
import { makeUser, shareId } from './fixtures';
import { spawnRelay, type RelayProcess } from './spawn-relay';
import { TEST_DATABASE_URL } from './store-cases';

const PROCESS_TIMEOUT_MS = 60_000;

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

// Skipped without a database: export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)" to run it.
describe.skipIf(!TEST_DATABASE_URL)('relay processes [postgres]', () => {
  const schema = `relay_process_${crypto.randomUUID().replaceAll('-', '')}`;
  let first: RelayProcess;
  let second: RelayProcess;

  beforeAll(async () => {
    const env = { DATABASE_URL: TEST_DATABASE_URL!, DATABASE_SCHEMA: schema };
    [first, second] = await Promise.all([spawnRelay(env), spawnRelay(env)]);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('serves one deployment from two processes: what one stores the other delivers, and a replay to the other is refused', async () => {
    const alice = makeUser('alice', Date.now());
    const bob = makeUser('bob', Date.now());
    await createRelayClient({ baseUrl: first.baseUrl, signer: alice.signer }).register(alice.bundle);
    await createRelayClient({ baseUrl: second.baseUrl, signer: bob.signer }).register(bob.bundle);
    const { ids } = await createRelayClient({ baseUrl: first.baseUrl, signer: alice.signer }).post([{ to: 'bob', shareId: shareId(), envelope: 'sealed' }]);
    const page = await createRelayClient({ baseUrl: second.baseUrl, signer: bob.signer }).list();
    expect(page.envelopes.map((entry) => entry.id)).toEqual(ids);

    const headers = signRequest({ method: 'GET', pathAndQuery: MAILBOX_PATH, body: utf8ToBytes('') }, bob.signer, Date.now());
    expect((await fetch(`${first.baseUrl}${MAILBOX_PATH}`, { headers })).status).toBe(200);
    const replay = await fetch(`${second.baseUrl}${MAILBOX_PATH}`, { headers });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: 'auth-replayed' });
  });
});
