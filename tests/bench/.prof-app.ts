import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { sessionRequestInput } from '../../lib/relay-protocol/session-request-input';
import { createApp } from '../../relay/create-app';
import { createNodeEd25519Verifier } from '../../relay/node-ed25519-verifier';
import { DEFAULT_LIMITS } from '../../relay/relay-deps';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { makeUser, shareId } from '../relay/fixtures';

const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'prof-')), 'r.sqlite'));
await store.migrate();
const fake = process.env.FAKE ? { ...store, postEnvelopes: async (_s: string, b: unknown[]) => ({ ok: true as const, ids: b.map((_, i) => i + 1) }) } : store;
const app = createApp({ store: fake, now: Date.now, limits: { ...DEFAULT_LIMITS, perAddressPerMinute: 1e9, perIdentityPerMinute: 1e9, registrationsPerAddressPerHour: 1e9, mailbox: { maxEnvelopes: 1e6, maxBytes: 1e12 }, storageMaxBytes: 1e13 }, clientAddress: () => '127.0.0.1', verify: createNodeEd25519Verifier() });
const fetch = async (url: URL, init: RequestInit) => app.fetch(new Request(url, init));
const now = Date.now();
const sender = makeUser('bench-sender', now);
const recipients = Array.from({ length: 100 }, (_, i) => makeUser(`bench-r${i}`, now));
for (const u of [sender, ...recipients]) await createRelayClient({ baseUrl: 'http://x', signer: u.signer, fetch }).register(u.bundle);
const key = new Uint8Array(32).fill(7);
await store.openSession({ id: 'AAAAAAAAAAAAAAAAAAAAAA', handle: 'bench-sender', key, expiresAt: now + 3600_000 }, 16);
const envelope = 'e'.repeat(1024);
const share = shareId();
const N = Number(process.env.N ?? 3000);
const reqs = Array.from({ length: N }, (_, i) => {
  const body = JSON.stringify({ envelopes: [{ to: recipients[i % 100]!.handle, shareId: share, id: `bench-post-id-x${i}`, envelope }] });
  const nonce = randomBytes(16).toString('hex');
  const input = sessionRequestInput({ method: 'POST', pathAndQuery: '/v1/envelopes', bodyHash: createHash('sha256').update(body).digest(), session: 'AAAAAAAAAAAAAAAAAAAAAA', time: now, nonce });
  const mac = createHmac('sha256', key).update(input).digest('base64');
  return new Request('http://x/v1/envelopes', { method: 'POST', headers: { 'Sealpass-Session': 'AAAAAAAAAAAAAAAAAAAAAA', 'Sealpass-Time': String(now), 'Sealpass-Nonce': nonce, 'Sealpass-Mac': mac, 'content-type': 'application/json' }, body });
});
const c0 = process.cpuUsage(); const t0 = performance.now();
let bad = 0;
for (const r of reqs) { const res = await app.fetch(r); if (res.status !== 201) { bad++; if (bad < 3) console.log(res.status, await res.text()); } }
const c = process.cpuUsage(c0);
console.log('per post: wall µs', ((performance.now() - t0) / N * 1000).toFixed(0), 'cpu µs', ((c.user + c.system) / N).toFixed(0), 'sys µs', (c.system / N).toFixed(0), 'bad', bad);
