/**
 * T25 across real relay processes (issue 14): 20 reveals of a 3-view link at once give exactly 3 contents,
 * from one process on SQLite and from two processes sharing one PostgreSQL database (with
 * TEST_DATABASE_URL; skipped by name without it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveLinkKeys } from '../../lib/links/format/derive-link-keys';
import { openLinkContent } from '../../lib/links/format/open-link-content';
import { createLinkOwnerClient } from '../../lib/relay-protocol/link-owner-client';
import { linkRevealPath } from '../../lib/relay-protocol/link-paths';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { makeUser } from './fixtures';
import { makeLink } from './link-fixtures';
import { spawnRelay, type RelayProcess } from './spawn-relay';
import { startPostgresRelays, type PostgresRelayProcesses } from './postgres-relay-processes';
import { TEST_DATABASE_URL } from './store-cases';

const PROCESS_TIMEOUT_MS = 60_000;
/** Raised so 20 reveals from one test address are all counted and checked, not rate-limited. */
const LIMITS = { LINK_RATE_LIMIT_PER_ADDRESS: '10000', RATE_LIMIT_PER_ADDRESS: '10000' };

/** Creates a 3-view link through `creator`, then fires 20 reveals at once, alternating over `relays`. */
async function twentyRevealsOfThree(creator: RelayProcess, relays: RelayProcess[]) {
  const alice = makeUser('alice', Date.now());
  await createRelayClient({ baseUrl: creator.baseUrl, signer: alice.signer }).register(alice.bundle);
  const link = await makeLink(Date.now(), { maxViews: 3 });
  await createLinkOwnerClient({ baseUrl: creator.baseUrl, signer: alice.signer }).createLink(link.wire);
  const keys = await deriveLinkKeys(link.secret, null);
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(`${relays[i % relays.length]!.baseUrl}${linkRevealPath(link.wire.id)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: keys.token }),
      }),
    ),
  );
  const contents = [];
  for (const response of responses) {
    if (response.status !== 200) continue;
    const body = (await response.json()) as { content: string };
    contents.push(openLinkContent(keys.contentKey, link.wire.id, body.content, link.terms));
  }
  return { contents, statuses: responses.map((r) => r.status), expected: link.content };
}

describe('link reveals at once [sqlite process]', () => {
  let dataDir: string;
  let relay: RelayProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sealpass-link-process-'));
    relay = await spawnRelay({ DATA_DIR: dataDir, ...LIMITS });
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await relay?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('T25: 20 reveals of a 3-view link at once give exactly 3 contents', async () => {
    const { contents, statuses, expected } = await twentyRevealsOfThree(relay, [relay]);
    expect(contents).toEqual([expected, expected, expected]);
    expect(statuses.filter((s) => s === 410)).toHaveLength(17);
  });
});

// Skipped without a database: export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)" to run it.
describe.skipIf(!TEST_DATABASE_URL)('link reveals at once [postgres, two processes]', () => {
  let processes: PostgresRelayProcesses | undefined;
  let first: RelayProcess;
  let second: RelayProcess;
  beforeAll(async () => {
    processes = await startPostgresRelays(TEST_DATABASE_URL!, 'relay_links', 2, LIMITS);
    [first, second] = processes.relays as [RelayProcess, RelayProcess];
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => processes?.stop());

  it('T25: 20 reveals of a 3-view link at once over two relay processes give exactly 3 contents', async () => {
    const { contents, statuses, expected } = await twentyRevealsOfThree(first, [first, second]);
    expect(contents).toEqual([expected, expected, expected]);
    expect(statuses.filter((s) => s === 410)).toHaveLength(17);
  });
});
