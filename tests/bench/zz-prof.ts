import autocannon from 'autocannon';
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64 } from '../../lib/crypto/base64';
import { randomBytes } from '../../lib/crypto/random-bytes';
import { createRelayClient } from '../../lib/relay-protocol/relay-client';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { makeUser, shareId } from '../relay/fixtures';
const base = process.env.RELAY_URL!; const pid = Number(process.env.RELAY_PID);
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const now = Date.now();
const sender = makeUser('bench-sender', now);
const rs = Array.from({ length: 100 }, (_, i) => makeUser(`bench-r${i}`, now));
for (const u of [sender, ...rs]) await createRelayClient({ baseUrl: base, signer: u.signer }).register(u.bundle);
const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), sender.identity.signingSecretKey]), format: 'der', type: 'pkcs8' });
const signer = { handle: sender.handle, sign: (m: Uint8Array) => new Uint8Array(sign(null, m, key)) };
const envelope = toBase64(randomBytes(768)); const share = shareId();
const pool = Array.from({ length: 30000 }, (_, i) => { const body = JSON.stringify({ envelopes: [{ to: rs[i % 100]!.handle, shareId: share, envelope }] }); return { headers: { ...signRequest({ method: 'POST', pathAndQuery: '/v1/envelopes', body: utf8ToBytes(body) }, signer, now), 'content-type': 'application/json' }, body }; });
let n = 0;
for (const path of ['/v1/health', '/v1/envelopes']) {
  const c0 = cpu(); const n0 = n;
  const r = await autocannon({ url: `${base}${path}`, connections: 32, duration: 5, requests: [path === '/v1/health' ? { method: 'GET' } : { method: 'POST', setupRequest: (req: autocannon.Request) => ({ ...req, ...pool[n++]! }) }] });
  const count = r.requests.total;
  console.log(path, 'rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, 'cpu us/req', ((cpu() - c0) * 1000 / count).toFixed(0), n - n0);
}
