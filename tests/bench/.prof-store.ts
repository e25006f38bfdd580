import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { makeUser } from '../relay/fixtures';

const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'prof-')), 'r.sqlite'));
await store.migrate();
const now = Date.now();
for (let i = 0; i < 100; i++) await store.registerIdentity({ ...makeUser('alice').bundle, handle: `bench-r${i}` }, now);
const limits = { mailbox: { maxEnvelopes: 1e6, maxBytes: 1e12 }, storageMaxBytes: 1e13 };
const envelope = 'e'.repeat(1024);
const N = Number(process.env.N ?? 5000);
const variant = process.env.V ?? 'full';
const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const claim = variant === 'noclaim' ? undefined : { handle: 'sender', nonce: String(i).padStart(32, '0'), nonceExpiresAt: now + 301000, session: null, counts: [{ key: 'addr:x', windowStart: 0, expiresAt: now + 60000, limit: 1e9 }, { key: 'id:sender', windowStart: 0, expiresAt: now + 60000, limit: 1e9 }], now };
  await store.postEnvelopes('sender', [{ recipient: `bench-r${i % 100}`, shareId: 'AAAAAAAAAAAAAAAAAAAAAA==', postId: `post-${i}-xxxxxxxxxxxx`, expiresAt: now + 1e9, envelope, size: 1024 }], now, limits, claim);
}
const c = process.cpuUsage(c0);
console.log(variant, 'per post: wall µs', ((performance.now() - t0) / N * 1000).toFixed(0), 'cpu µs', ((c.user + c.system) / N).toFixed(0), 'sys µs', (c.system / N).toFixed(0));
