import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64 } from '../../lib/crypto/base64';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { authHeadersSchema } from '../../lib/relay-protocol/auth-headers';
import { postEnvelopesRequestSchema } from '../../lib/relay-protocol/envelope-schemas';
import { createApp } from '../../relay/create-app';
import { createNodeEd25519Verifier } from '../../relay/node-ed25519-verifier';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { makeUser, shareId, signedInit } from '../relay/fixtures';
const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'm-')), 'r.sqlite')); await store.migrate();
const app = createApp({ store, now: Date.now, limits: { perIdentityPerMinute: 1e9, perAddressPerMinute: 1e9, mailbox: { maxEnvelopes: 1e6, maxBytes: 4e9 } }, clientAddress: () => '1.2.3.4', verify: createNodeEd25519Verifier() });
const now = Date.now();
const sender = makeUser('bench-sender', now); const rs = Array.from({ length: 100 }, (_, i) => makeUser(`bench-r${i}`, now));
for (const u of [sender, ...rs]) { const r = await app.request('/v1/identities', signedInit(u.signer, 'POST', '/v1/identities', now, { body: u.bundle })); if (r.status !== 201) throw new Error(String(r.status)); }
const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), sender.identity.signingSecretKey]), format: 'der', type: 'pkcs8' });
const signer = { handle: sender.handle, sign: (m: Uint8Array) => new Uint8Array(sign(null, m, key)) };
const envelope = toBase64(randomBytes(768)); const share = shareId();
const N = 4000;
const pool = Array.from({ length: N * 2 }, (_, i) => { const body = JSON.stringify({ envelopes: [{ to: rs[i % 100]!.handle, shareId: share, envelope }] }); return { headers: { ...signRequest({ method: 'POST', pathAndQuery: '/v1/envelopes', body: utf8ToBytes(body) }, signer, now), 'content-type': 'application/json' }, body }; });
const time = async (label: string, n: number, f: (i: number) => unknown) => { const t = performance.now(); for (let i = 0; i < n; i++) await f(i); console.log(label.padEnd(28), ((performance.now() - t) / n * 1000).toFixed(1), 'us'); };
for (let r = 0; r < 2; r++) {
  await time('app POST envelopes', N, async (i) => { const p = pool[r * N + i]!; const res = await app.request('/v1/envelopes', { method: 'POST', headers: p.headers, body: p.body }); if (res.status !== 201) throw new Error(String(res.status)); });
  await time('app GET health', N, async () => { await app.request('/v1/health'); });
  await time('store countRequest', N, async (i) => store.countRequest('x', 0, 1));
  await time('store claimNonce', N, async (i) => store.claimNonce('x', `n${r}-${i}`, 1));
  await time('zod auth headers', N, () => authHeadersSchema.parse({ handle: 'bench-sender', time: '1793491200000', nonce: 'a'.repeat(32), signature: pool[0]!.headers['Sealpass-Signature'] }));
  await time('zod post body', N, () => postEnvelopesRequestSchema.parse(JSON.parse(pool[0]!.body)));
  const b = utf8ToBytes(pool[0]!.body); await time('sha256 body', N, () => sha256(b));
}
