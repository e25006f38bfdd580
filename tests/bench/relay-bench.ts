/**
 * Relay throughput (issues 4 and 15, DESIGN §9): 1 KiB envelope posts per second, authenticated in a
 * session (HMAC), with autocannon against the relay as a real process (SQLite in a temp folder) — one
 * process, and a node:cluster of several on one file — and a bare node:http server that reads the same
 * body in its own process as the ceiling, alternating in one run; medians of the rounds, the ratios
 * (target ≥ 0.5) and p99 latency; then one round of posts signed with Ed25519 each (the path before
 * sessions), health GETs, 50-envelope batches and posts to one shared folder (issue 13). Requests are MAC'd or signed beforehand, one nonce and
 * one post id each, and handed out by setupRequest from one shared queue, so the load generator only sends;
 * the ceiling server is sent the same requests the same way, so the generator works as hard for both.
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import autocannon from 'autocannon';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';
import { generateKeyPair } from '../../lib/crypto/hpke/generate-key-pair';
import type { RelaySession } from '../../lib/relay-protocol/mac-request';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { ENVELOPES_PATH, FOLDERS_PATH, folderMessagesPath, HEALTH_PATH, SESSIONS_PATH } from '../../lib/relay-protocol/relay-paths';
import type { RequestSigner } from '../../lib/relay-protocol/request-signer';
import { deriveSessionKey } from '../../lib/relay-protocol/session-key';
import { sessionRequestInput } from '../../lib/relay-protocol/session-request-input';
import { openSessionResponseSchema } from '../../lib/relay-protocol/session-schemas';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { makeUser, shareId } from '../relay/fixtures';
import { spawnRelay } from '../relay/spawn-relay';
import { median, round } from './stats';

const CONNECTIONS = 32;
/** A round's length where no queue can run dry (the ceiling server cycles through its requests; health GETs have none), s. */
const ROUND_SECONDS = 3;
const ROUNDS = 3;
/**
 * A relay round is a count of requests rather than a time, so it can never run its queue of pre-made
 * requests dry (a dry queue repeats its last request, whose replays are refused in microseconds and would
 * inflate the figure): about 3 s at the relay's rate here.
 */
const ROUND_POSTS = 24_000;
const WARM_UP_POSTS = 6_000;
/** Envelopes spread over this many mailboxes. */
const RECIPIENTS = 100;
/** Exactly what the warm-up and the rounds send. */
const PRESIGNED = WARM_UP_POSTS + ROUNDS * ROUND_POSTS;
const ENVELOPE_BYTES = 1024;
/** The batch figure: one signed call to this many contacts ("share one item to 50 people"), each its own share id. */
const BATCH = 50;
/** Batch calls in their one round: about 55 KB each, so kept to what one round needs. */
const PRESIGNED_BATCHES = 1500;
/** Ed25519-signed posts for the one round of the old path, and folder posts for theirs. */
const SIGNED_PRESIGNED = 10_000;
/** Processes of the clustered relay: one per core of the 2-core machine the targets are for. */
const CLUSTER_PROCESSES = 2;

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
 * The same requests handed out round and round, for the ceiling server, which checks nothing: the load
 * generator then does the same work per request (setupRequest, a different body each time) for both
 * servers, so the CPU it takes from the shared cores does not favour the ceiling.
 */
function cycleOf(items: Prepared[]): ReturnType<typeof queueOf> {
  let next = 0;
  return {
    take: (): Prepared => items[next++ % items.length]!,
    used: () => next,
  };
}

/** autocannon's sample interval, ms: a run's measured time is at most this much longer than its requests took. */
const SAMPLE_MS = 50;

/** How long a round runs: a number of requests, or seconds. */
type RoundLength = { amount: number } | { seconds: number };

/** One autocannon run: each request from `queue` (a fresh signed request every time), or a bare GET. */
function load(url: string, method: 'GET' | 'POST', length: RoundLength, source: { queue: ReturnType<typeof queueOf> } | null) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    ...('amount' in length ? { amount: length.amount } : { duration: length.seconds }),
    // autocannon ends a run at its next sample tick (1 s by default): that would round every run up to whole seconds.
    sampleInt: SAMPLE_MS,
    requests: [
      {
        method,
        ...(source
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

/** CPU time of several processes together (ms), or null when any cannot be read. */
function cpuOf(pids: (number | undefined)[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = cpuMillis(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/** Runs `work` (an autocannon run) and adds the CPU the server's processes spent per completed request, in µs. */
async function measured(pids: (number | undefined)[], work: Promise<autocannon.Result>) {
  const before = cpuOf(pids);
  const result = await work;
  const after = cpuOf(pids);
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

/** The processes of a relay: the process itself, or a cluster primary's workers. */
function processTree(pid: number | undefined): number[] {
  if (pid === undefined || !existsSync('/proc')) return pid === undefined ? [] : [pid];
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** The bench's limits: raised, not removed, so every post still counts and checks (one identity, one address). */
const BENCH_ENV = {
  RATE_LIMIT_PER_IDENTITY: '1000000000',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  MAILBOX_MAX_ENVELOPES: '1000000',
  MAILBOX_MAX_BYTES: '4294967296',
  STORAGE_MAX_BYTES: '1000000000000',
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000000',
};

/** A relay under test: its process(es), a registered sender with an open session, and recipients. */
interface BenchRelay {
  url: string;
  pids: () => number[];
  stop: () => Promise<number | null>;
  kill: () => void;
  signer: RequestSigner;
  session: RelaySession;
}

async function startBenchRelay(workers: number, now: number): Promise<BenchRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sealpass-relay-bench-'));
  const relay = await spawnRelay({ DATA_DIR: dataDir, RELAY_WORKERS: String(workers), ...BENCH_ENV });
  try {
    const sender = makeUser('bench-sender', now);
    for (const user of [sender, ...recipientsAt(now)]) await createRelayClient({ baseUrl: relay.baseUrl, signer: user.signer }).register(user.bundle);
    const signer = nodeSigner(sender.handle, sender.identity.signingSecretKey);
    const session = await openBenchSession(relay.baseUrl, signer);
    const pids = processTree(relay.child.pid);
    return {
      url: relay.baseUrl,
      pids: () => pids,
      signer,
      session,
      kill: () => relay.child.kill('SIGKILL'),
      stop: async () => {
        const code = await relay.stop();
        rmSync(dataDir, { recursive: true, force: true });
        return code;
      },
    };
  } catch (error) {
    await relay.stop();
    throw error;
  }
}

const recipientsCache = new Map<number, ReturnType<typeof makeUser>[]>();
function recipientsAt(now: number) {
  let users = recipientsCache.get(now);
  if (!users) {
    users = Array.from({ length: RECIPIENTS }, (_, i) => makeUser(`bench-r${i}`, now));
    recipientsCache.set(now, users);
  }
  return users;
}

/** Opens a session the way relay-client does (one call signed with the identity key), keeping it for the bench. */
async function openBenchSession(baseUrl: string, signer: RequestSigner): Promise<RelaySession> {
  const mine = generateKeyPair();
  const body = JSON.stringify({ key: toBase64(mine.publicKey) });
  const headers = signRequest({ method: 'POST', pathAndQuery: SESSIONS_PATH, body: utf8ToBytes(body) }, signer, Date.now());
  const response = await fetch(`${baseUrl}${SESSIONS_PATH}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const opened = openSessionResponseSchema.parse(await response.json());
  const relayKey = fromBase64(opened.key);
  const key = deriveSessionKey(mine.secretKey, relayKey, { session: opened.session, handle: signer.handle, clientKey: mine.publicKey, relayKey, expiresAt: opened.expiresAt });
  return { id: opened.session, key, expiresAt: opened.expiresAt };
}

/** A post authenticated in the session, MAC'd with OpenSSL so 60,000 take seconds; each with its own post id. */
function prepareInSession(session: RelaySession, body: unknown, now: number, path = ENVELOPES_PATH): Prepared {
  const text = JSON.stringify(body);
  const nonce = randomBytes(16).toString('hex');
  const bodyHash = createHash('sha256').update(text).digest();
  const input = sessionRequestInput({ method: 'POST', pathAndQuery: path, bodyHash, session: session.id, time: now, nonce });
  const mac = createHmac('sha256', session.key).update(input).digest('base64');
  return {
    headers: { 'Sealpass-Session': session.id, 'Sealpass-Time': String(now), 'Sealpass-Nonce': nonce, 'Sealpass-Mac': mac, 'content-type': 'application/json' },
    body: text,
  };
}

/** Single-envelope post bodies, spread over the recipients, each with a post id of its own. */
function singlePosts(count: number, now: number, envelope: string): unknown[] {
  const share = shareId();
  const run = randomBytes(6).toString('hex');
  return Array.from({ length: count }, (_, i) => ({ envelopes: [{ to: recipientsAt(now)[i % RECIPIENTS]!.handle, shareId: share, id: `bench-${run}-${i}`, envelope }] }));
}

/**
 * One round of folder message posts (issue 13) to a single folder the sender creates, all posts contending
 * for its seq counter: the worst case for the counter row, beside envelope posts in the same process.
 */
async function benchFolderPosts(relay: BenchRelay, now: number, content: string) {
  const folder = randomBytes(16).toString('base64url');
  const create = prepareInSession(relay.session, { folderId: folder, entry: JSON.stringify({ v: 1, folderId: folder, seq: 1 }) }, now, FOLDERS_PATH);
  const created = await fetch(`${relay.url}${FOLDERS_PATH}`, { method: 'POST', headers: create.headers, body: create.body });
  if (created.status !== 201) throw new Error(`bench folder: create answered HTTP ${created.status}`);
  const path = folderMessagesPath(folder);
  const posts = queueOf(
    Array.from({ length: SIGNED_PRESIGNED }, () => {
      const id = randomBytes(16).toString('base64url');
      return prepareInSession(relay.session, { id, message: JSON.stringify({ v: 1, folderId: folder, id, content }) }, now, path);
    }),
  );
  return summary([await measured(relay.pids(), load(`${relay.url}${path}`, 'POST', { amount: SIGNED_PRESIGNED }, { queue: posts }))]);
}

/** Requests answered per second over a whole run (autocannon's `requests.average` averages whole seconds only). */
function perSecond(result: autocannon.Result): number {
  return result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000);
}

/** Median figures of a relay's rounds. */
function summary(runs: Awaited<ReturnType<typeof measured>>[]) {
  const results = runs.map((run) => run.result);
  const cpu = runs.map((run) => run.cpuMicrosPerRequest).filter((value): value is number => value !== null);
  return {
    perSecond: median(results.map(perSecond)),
    p50Ms: median(results.map((r) => r.latency.p50)),
    p99Ms: median(results.map((r) => r.latency.p99)),
    refused: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    cpuMicrosPerRequest: cpu.length === 0 ? null : round(median(cpu)),
    rounds: results.map((r) => round(perSecond(r))),
  };
}

/**
 * Runs the relay figures; starts and stops its own processes.
 * @param signal - aborted by the bench's time limit: the servers are killed, so the run cannot hang on them
 */
export async function benchRelay(signal?: AbortSignal) {
  const now = Date.now();
  const started: { kill: () => void; stop: () => Promise<unknown> }[] = [];
  const killAll = () => started.forEach((each) => each.kill());
  signal?.addEventListener('abort', killAll, { once: true });
  try {
    const hello = await spawnHello();
    started.push({ kill: hello.stop, stop: async () => hello.stop() });
    const single = await startBenchRelay(1, now);
    started.push(single);
    const cluster = await startBenchRelay(CLUSTER_PROCESSES, now);
    started.push(cluster);
    signal?.throwIfAborted();

    const envelope = toBase64(randomBytes((ENVELOPE_BYTES / 4) * 3));
    // Each a millisecond after the last, as the requests of clients whose clocks run forward (all within the
    // relay's 5-minute window): the relay's nonces are kept in time order, so one shared time would scatter them.
    const singleItems = singlePosts(PRESIGNED, now, envelope).map((body, i) => prepareInSession(single.session, body, now + i));
    const singleQueue = queueOf(singleItems);
    const clusterQueue = queueOf(singlePosts(PRESIGNED, now, envelope).map((body, i) => prepareInSession(cluster.session, body, now + i)));
    const helloQueue = { queue: cycleOf(singleItems) };

    // Warm-up: JIT, SQLite page cache, connection set-up on every server.
    await load(hello.url, 'POST', { seconds: 1 }, helloQueue);
    await load(`${single.url}${ENVELOPES_PATH}`, 'POST', { amount: WARM_UP_POSTS }, { queue: singleQueue });
    await load(`${cluster.url}${ENVELOPES_PATH}`, 'POST', { amount: WARM_UP_POSTS }, { queue: clusterQueue });

    const helloRuns: Awaited<ReturnType<typeof measured>>[] = [];
    const singleRuns: Awaited<ReturnType<typeof measured>>[] = [];
    const clusterRuns: Awaited<ReturnType<typeof measured>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      signal?.throwIfAborted();
      helloRuns.push(await measured([hello.pid], load(hello.url, 'POST', { seconds: ROUND_SECONDS }, helloQueue)));
      singleRuns.push(await measured(single.pids(), load(`${single.url}${ENVELOPES_PATH}`, 'POST', { amount: ROUND_POSTS }, { queue: singleQueue })));
      clusterRuns.push(await measured(cluster.pids(), load(`${cluster.url}${ENVELOPES_PATH}`, 'POST', { amount: ROUND_POSTS }, { queue: clusterQueue })));
    }
    const nodeHttp = summary(helloRuns);
    const relay = summary(singleRuns);
    const clustered = summary(clusterRuns);

    // The path every call took before sessions: an Ed25519 signature per post, one round for comparison.
    const signedQueue = queueOf(singlePosts(SIGNED_PRESIGNED, now, envelope).map((body) => prepare(single.signer, body, now)));
    const signed = summary([await measured(single.pids(), load(`${single.url}${ENVELOPES_PATH}`, 'POST', { amount: SIGNED_PRESIGNED }, { queue: signedQueue }))]);
    const health = summary([await measured(single.pids(), load(`${single.url}${HEALTH_PATH}`, 'GET', { seconds: ROUND_SECONDS }, null))]);
    const batches = queueOf(
      Array.from({ length: PRESIGNED_BATCHES }, (_, n) =>
        prepareInSession(
          single.session,
          { envelopes: recipientsAt(now).slice(0, BATCH).map((r, i) => ({ to: r.handle, shareId: shareId(), id: `batch-${n}-${i}-${now}`, envelope })) },
          now,
        ),
      ),
    );
    const batch = summary([await measured(single.pids(), load(`${single.url}${ENVELOPES_PATH}`, 'POST', { amount: PRESIGNED_BATCHES }, { queue: batches }))]);
    const folder = await benchFolderPosts(single, now, envelope);

    return {
      setup: `${CONNECTIONS} connections, ${ROUNDS} alternating rounds (${ROUND_SECONDS} s for node:http, ${ROUND_POSTS} posts for each relay), ${ENVELOPE_BYTES}-byte envelopes posted in a session (HMAC), SQLite relay: one process, and ${CLUSTER_PROCESSES} processes on one file (node:cluster, WAL)`,
      relayPostsPerSecond: round(relay.perSecond),
      nodeHttpPerSecond: round(nodeHttp.perSecond),
      relayOverNodeHttp: round(relay.perSecond / nodeHttp.perSecond),
      target: 'relay/node:http >= 0.5',
      relayP50Ms: relay.p50Ms,
      relayP99Ms: relay.p99Ms,
      nodeHttpP99Ms: nodeHttp.p99Ms,
      relayRefused: relay.refused,
      cluster: {
        processes: CLUSTER_PROCESSES,
        postsPerSecond: round(clustered.perSecond),
        overNodeHttp: round(clustered.perSecond / nodeHttp.perSecond),
        p99Ms: clustered.p99Ms,
        refused: clustered.refused,
        cpuMicrosPerRequest: clustered.cpuMicrosPerRequest,
      },
      signedPostsPerSecond: round(signed.perSecond),
      signedOverNodeHttp: round(signed.perSecond / nodeHttp.perSecond),
      presignedUsed: singleQueue.used(),
      cpuMicrosPerRequest: {
        relayPost: relay.cpuMicrosPerRequest,
        nodeHttp: nodeHttp.cpuMicrosPerRequest,
        relaySignedPost: signed.cpuMicrosPerRequest,
        relayHealthGet: health.cpuMicrosPerRequest,
        relayBatchOf50: batch.cpuMicrosPerRequest,
      },
      // What the throughput ratio would be with a core to itself: node:http's CPU per request over ours.
      relayOverNodeHttpByCpu: relay.cpuMicrosPerRequest === null || nodeHttp.cpuMicrosPerRequest === null ? null : round(nodeHttp.cpuMicrosPerRequest / relay.cpuMicrosPerRequest),
      healthGetsPerSecond: round(health.perSecond),
      ed25519VerifyMicros: round(verifyMicros()),
      batchOf50: {
        callsPerSecond: round(batch.perSecond),
        envelopesPerSecond: round(batch.perSecond * BATCH),
        p99Ms: batch.p99Ms,
        refused: batch.refused,
        presignedUsed: batches.used(),
      },
      // Shared folders (issue 13): 1 KiB messages posted in a session to one folder, each taking the folder's next seq.
      folderMessagePostsPerSecond: round(folder.perSecond),
      folderMessages: { p99Ms: folder.p99Ms, refused: folder.refused, cpuMicrosPerRequest: folder.cpuMicrosPerRequest },
      loadAverage: loadavg().map(round),
      roundsPerSecond: { relay: relay.rounds, cluster: clustered.rounds, nodeHttp: nodeHttp.rounds },
    };
  } finally {
    signal?.removeEventListener('abort', killAll);
    for (const each of started.reverse()) await each.stop();
  }
}
