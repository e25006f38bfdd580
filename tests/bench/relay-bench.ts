/**
 * Relay throughput (issue 4, DESIGN §9): signed 1 KiB envelope posts per second with autocannon against
 * the relay as a real process (SQLite in a temp folder), and a bare node:http server that reads the same
 * body in its own process as the ceiling, alternating in one run; medians of the rounds, the ratio
 * (target ≥ 0.5) and p99 latency. Requests are signed beforehand, one nonce each, and handed out by
 * setupRequest from one shared queue, so the load generator only sends.
 */
import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { median, percentile, round } from './stats';

const CONNECTIONS = 32;
const ROUND_SECONDS = 3;
const ROUNDS = 3;
/** Envelopes spread over this many mailboxes so none reaches the default 1,000-envelope limit. */
const RECIPIENTS = 100;
/** Generous for ROUNDS × ROUND_SECONDS at the relay's rate, plus warm-up; leftovers are harmless. */
const PRESIGNED = 60_000;
const ENVELOPE_BYTES = 1024;
/** The batch figure: one signed call to this many contacts ("share one item to 50 people"). */
const BATCH = 50;

interface Prepared {
  headers: Record<string, string>;
  body: string;
}

/** A signer on OpenSSL, so pre-signing 60,000 requests takes seconds, not a minute (noble signs in ~0.5 ms). */
function nodeSigner(handle: string, secretKey: Uint8Array): RequestSigner {
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secretKey]), format: 'der', type: 'pkcs8' });
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

function load(url: string, method: 'GET' | 'POST', seconds: number, queue?: ReturnType<typeof queueOf>) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method,
        ...(queue
          ? {
              setupRequest: (request: autocannon.Request) => {
                const { headers, body } = queue.take();
                return { ...request, headers, body };
              },
            }
          : {}),
      },
    ],
  });
}

function spawnHello(): Promise<{ url: string; stop: () => void }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'hello-server.mjs');
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`hello server exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

/** Microseconds per OpenSSL Ed25519 verification here: the floor of a signed request's cost. */
function verifyMicros(): number {
  const { privateKey, publicKey } = { privateKey: createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), randomBytes(32)]), format: 'der', type: 'pkcs8' }), publicKey: null };
  const pub = createPublicKey(privateKey);
  const message = randomBytes(200);
  const signature = sign(null, message, privateKey);
  const runs = 5000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) verify(null, message, pub, signature);
  void publicKey;
  return ((performance.now() - start) / runs) * 1000;
}

/** Runs the relay figures; starts and stops its own processes. */
export async function benchRelay() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sealpass-relay-bench-'));
  const relay = await spawnRelay({
    DATA_DIR: dataDir,
    // The limits would stop a load generator that is one identity on one address; they are still counted.
    RATE_LIMIT_PER_IDENTITY: '1000000000',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
  });
  const hello = await spawnHello();
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

    // Warm-up: JIT, SQLite page cache, connection set-up on both servers.
    await load(url, 'POST', 1, singles);
    await load(hello.url, 'POST', 1, singles);

    const relayRounds: autocannon.Result[] = [];
    const helloRounds: autocannon.Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      helloRounds.push(await load(hello.url, 'POST', ROUND_SECONDS, singles));
      relayRounds.push(await load(url, 'POST', ROUND_SECONDS, singles));
    }
    const health = await load(`${relay.baseUrl}${HEALTH_PATH}`, 'GET', ROUND_SECONDS);

    const batches = queueOf(
      Array.from({ length: 4000 }, (_, i) =>
        prepare(signer, { envelopes: recipients.slice(0, BATCH).map((r) => ({ to: r.handle, shareId: `${share.slice(0, 20)}${String(i).padStart(4, '0')}`, envelope })) }, now),
      ),
    );
    const batch = await load(url, 'POST', ROUND_SECONDS, batches);

    const relayRps = median(relayRounds.map((r) => r.requests.average));
    const helloRps = median(helloRounds.map((r) => r.requests.average));
    const refused = relayRounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
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
      healthGetsPerSecond: round(health.requests.average),
      ed25519VerifyMicros: round(verifyMicros()),
      batchOf50: {
        callsPerSecond: round(batch.requests.average),
        envelopesPerSecond: round(batch.requests.average * BATCH),
        p99Ms: batch.latency.p99,
        refused: batch.non2xx + batch.errors,
      },
      roundsPerSecond: { relay: relayRounds.map((r) => round(r.requests.average)), nodeHttp: helloRounds.map((r) => round(r.requests.average)) },
    };
  } finally {
    hello.stop();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Percentile helper re-exported for callers that post-process rounds. */
export { percentile };
