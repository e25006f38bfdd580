/**
 * Relay throughput (issue 4, DESIGN §9): signed 1 KiB envelope posts per second with autocannon against
 * the relay as a real process (SQLite in a temp folder), and a bare node:http server that reads the same
 * body in its own process as the ceiling, alternating in one run; medians of the rounds, the ratio
 * (target ≥ 0.5) and p99 latency. Requests are signed beforehand, one nonce each, and handed out by
 * setupRequest from one shared queue, so the load generator only sends.
 */
import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import autocannon from 'autocannon';
import { toBase64 } from '../../lib/crypto/base64';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { ENVELOPES_PATH, HEALTH_PATH } from '../../lib/relay-protocol/relay-paths';
import type { RequestSigner } from '../../lib/relay-protocol/request-signer';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { makeUser, shareId } from '../relay/fixtures';
import { spawnRelay } from '../relay/spawn-relay';
import { median, round } from './stats';

const CONNECTIONS = 32;
const ROUND_SECONDS = 3;
const ROUNDS = 3;
/** Envelopes spread over this many mailboxes. */
const RECIPIENTS = 100;
/** Generous for ROUNDS × ROUND_SECONDS at the relay's rate, plus warm-up; leftovers are harmless. */
const PRESIGNED = 60_000;
const ENVELOPE_BYTES = 1024;
/** The batch figure: one signed call to this many contacts ("share one item to 50 people"), each its own share id. */
const BATCH = 50;
/** Pre-signed batch calls: about 55 KB each, so kept to what one round needs. */
const PRESIGNED_BATCHES = 1500;

/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410 §7); the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

interface Prepared {
  headers: Record<string, string>;
  body: string;
}

/** A signer on OpenSSL, so pre-signing 60,000 requests takes seconds, not a minute (noble signs in ~0.5 ms). */
function nodeSigner(handle: string, secretKey: Uint8Array): RequestSigner {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]), format: 'der', type: 'pkcs8' });
  return { handle, sign: (message) => new Uint8Array(sign(null, message, key)) };
}

function prepare(signer: RequestSigner, body: unknown, now: number): Prepared {
  const text = JSON.stringify(body);
  const headers = signRequest({ method: 'POST', pathAndQuery: ENVELOPES_PATH, body: utf8ToBytes(text) }, signer, now);
  return { headers: { ...headers, 'content-type': 'application/json' }, body: text };
}

/** A queue every autocannon connection draws from, so no nonce is sent twice. */
function queueOf(items: Prepared[]) {
  let next = 0;
  return {
    take: (): Prepared => items[next++] ?? items[items.length - 1]!,
    used: () => next,
  };
}

/**
 * One autocannon run: each request from `queue` (a fresh signed request every time), or always `fixed`
 * (the ceiling server checks nothing, so it gets the same bytes each time), or a bare GET.
 */
function load(url: string, method: 'GET' | 'POST', seconds: number, source: { queue: ReturnType<typeof queueOf> } | { fixed: Prepared } | null) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method,
        ...(source && 'fixed' in source ? source.fixed : {}),
        ...(source && 'queue' in source
          ? {
              setupRequest: (request: autocannon.Request) => {
                const { headers, body } = source.queue.take();
                return { ...request, headers, body };
              },
            }
          : {}),
      },
    ],
  });
}

/**
 * CPU time a process has used (user + system, ms) from /proc, or null off Linux. On a shared machine
 * requests/s depends on what else runs; CPU per request does not, so both are reported.
 */
export function cpuMillis(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux).
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `work` (an autocannon run) and adds the CPU the server process spent per completed request, in µs. */
async function measured(pid: number | undefined, work: Promise<autocannon.Result>) {
  const before = cpuMillis(pid);
  const result = await work;
  const after = cpuMillis(pid);
  const cpuMicrosPerRequest = before === null || after === null || result.requests.total === 0 ? null : ((after - before) * 1000) / result.requests.total;
  return { result, cpuMicrosPerRequest };
}

/** How long the ceiling server may take to start, ms. */
const HELLO_START_TIMEOUT_MS = 30_000;

function spawnHello(): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'hello-server.mjs');
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the node:http server did not start within ${HELLO_START_TIMEOUT_MS} ms`));
    }, HELLO_START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hello server exited with ${code}`));
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      // The line may arrive in pieces.
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: child.pid, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

/** Microseconds per OpenSSL Ed25519 verification here: the floor of a signed request's cost. */
function verifyMicros(): number {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, randomBytes(32)]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const message = randomBytes(200);
  const signature = sign(null, message, privateKey);
  const runs = 5000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) verify(null, message, publicKey, signature);
  return ((performance.now() - start) / runs) * 1000;
}

/**
 * Runs the relay figures; starts and stops its own processes.
 * @param signal - aborted by the bench's time limit: the servers are killed, so the run cannot hang on them
 */
export async function benchRelay(signal?: AbortSignal) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sealpass-relay-bench-'));
  const relay = await spawnRelay({
    DATA_DIR: dataDir,
    // The limits would stop a load generator that is one identity on one address and fills mailboxes
    // faster than anyone reads them; they are raised, not removed, so every post still counts and checks.
    RATE_LIMIT_PER_IDENTITY: '1000000000',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    MAILBOX_MAX_ENVELOPES: '1000000',
    MAILBOX_MAX_BYTES: '4294967296',
  });
  const killRelay = () => relay.child.kill('SIGKILL');
  signal?.addEventListener('abort', killRelay, { once: true });
  const hello = await spawnHello().catch(async (error: unknown) => {
    await relay.stop();
    throw error;
  });
  signal?.addEventListener('abort', hello.stop, { once: true });
  try {
    const now = Date.now();
    const sender = makeUser('bench-sender', now);
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => makeUser(`bench-r${i}`, now));
    for (const user of [sender, ...recipients]) {
      await createRelayClient({ baseUrl: relay.baseUrl, signer: user.signer }).register(user.bundle);
    }
    const signer = nodeSigner(sender.handle, sender.identity.signingSecretKey);
    const envelope = toBase64(randomBytes((ENVELOPE_BYTES / 4) * 3));
    const share = shareId();
    const singles = queueOf(
      Array.from({ length: PRESIGNED }, (_, i) => prepare(signer, { envelopes: [{ to: recipients[i % RECIPIENTS]!.handle, shareId: share, envelope }] }, now)),
    );
    const url = `${relay.baseUrl}${ENVELOPES_PATH}`;

    const fixed = { fixed: singles.take() };

    // Warm-up: JIT, SQLite page cache, connection set-up on both servers.
    await load(url, 'POST', 1, { queue: singles });
    await load(hello.url, 'POST', 1, fixed);

    const relayPid = relay.child.pid;
    const relayRuns: Awaited<ReturnType<typeof measured>>[] = [];
    const helloRuns: Awaited<ReturnType<typeof measured>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      helloRuns.push(await measured(hello.pid, load(hello.url, 'POST', ROUND_SECONDS, fixed)));
      relayRuns.push(await measured(relayPid, load(url, 'POST', ROUND_SECONDS, { queue: singles })));
    }
    const relayRounds = relayRuns.map((run) => run.result);
    const helloRounds = helloRuns.map((run) => run.result);
    const health = await measured(relayPid, load(`${relay.baseUrl}${HEALTH_PATH}`, 'GET', ROUND_SECONDS, null));

    const batches = queueOf(
      Array.from({ length: PRESIGNED_BATCHES }, () =>
        prepare(signer, { envelopes: recipients.slice(0, BATCH).map((r) => ({ to: r.handle, shareId: shareId(), envelope })) }, now),
      ),
    );
    const batchRun = await measured(relayPid, load(url, 'POST', ROUND_SECONDS, { queue: batches }));
    const batch = batchRun.result;

    const relayRps = median(relayRounds.map((r) => r.requests.average));
    const helloRps = median(helloRounds.map((r) => r.requests.average));
    const refused = relayRounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    const cpu = (runs: { cpuMicrosPerRequest: number | null }[]) => {
      const values = runs.map((run) => run.cpuMicrosPerRequest).filter((value): value is number => value !== null);
      return values.length === 0 ? null : round(median(values));
    };
    const relayCpu = cpu(relayRuns);
    const helloCpu = cpu(helloRuns);
    return {
      setup: `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, ${ENVELOPE_BYTES}-byte envelopes, SQLite relay`,
      relayPostsPerSecond: round(relayRps),
      nodeHttpPerSecond: round(helloRps),
      relayOverNodeHttp: round(relayRps / helloRps),
      target: 'relay/node:http >= 0.5',
      relayP50Ms: median(relayRounds.map((r) => r.latency.p50)),
      relayP99Ms: median(relayRounds.map((r) => r.latency.p99)),
      nodeHttpP99Ms: median(helloRounds.map((r) => r.latency.p99)),
      relayRefused: refused,
      presignedUsed: singles.used(),
      cpuMicrosPerRequest: { relayPost: relayCpu, nodeHttp: helloCpu, relayHealthGet: cpu([health]), relayBatchOf50: cpu([batchRun]) },
      // What the throughput ratio would be with a core to itself: node:http's CPU per request over ours.
      relayOverNodeHttpByCpu: relayCpu === null || helloCpu === null ? null : round(helloCpu / relayCpu),
      healthGetsPerSecond: round(health.result.requests.average),
      ed25519VerifyMicros: round(verifyMicros()),
      batchOf50: {
        callsPerSecond: round(batch.requests.average),
        envelopesPerSecond: round(batch.requests.average * BATCH),
        p99Ms: batch.latency.p99,
        refused: batch.non2xx + batch.errors,
        presignedUsed: batches.used(),
      },
      loadAverage: loadavg().map(round),
      roundsPerSecond: { relay: relayRounds.map((r) => round(r.requests.average)), nodeHttp: helloRounds.map((r) => round(r.requests.average)) },
    };
  } finally {
    signal?.removeEventListener('abort', killRelay);
    signal?.removeEventListener('abort', hello.stop);
    hello.stop();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
