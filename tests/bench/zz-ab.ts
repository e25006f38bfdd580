import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { createApp } from '../../relay/create-app';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { healthRoutes } from '../../relay/routes/health-routes';
const mode = process.argv[2];
if (mode) {
  const store = openSqliteStore(':memory:'); await store.migrate();
  const deps = { store, now: Date.now, limits: { perIdentityPerMinute: 1e9, perAddressPerMinute: 1e9, mailbox: { maxEnvelopes: 1e6, maxBytes: 4e9 } }, clientAddress: () => '1.2.3.4' };
  let app: { fetch: (r: Request, e: unknown) => unknown };
  if (mode === 'bare') app = new Hono().get('/v1/health', (c) => c.json({ status: 'ok', protocol: 1, time: Date.now() }));
  else if (mode === 'cors') app = new Hono().use('*', cors({ origin: '*', exposeHeaders: ['Retry-After'] })).get('/v1/health', (c) => c.json({ status: 'ok', protocol: 1, time: Date.now() }));
  else if (mode === 'subapp') app = new Hono().route('/', healthRoutes(deps));
  else if (mode === 'onerror') { const a = new Hono(); a.onError(() => new Response('x')); a.notFound(() => new Response('y')); a.get('/v1/health', (c) => c.json({ status: 'ok', protocol: 1, time: Date.now() })); app = a; }
  else app = createApp(deps);
  serve({ fetch: app.fetch as never, port: Number(process.argv[3]), hostname: '127.0.0.1' }, () => process.send!('up'));
} else {
  const modes = ['bare', 'cors', 'subapp', 'onerror', 'relay'];
  const children = await Promise.all(modes.map(async (m, i) => { const child = fork(new URL(import.meta.url).pathname, [m, String(18800 + i)], { execArgv: ['--import', 'tsx'] }); await new Promise((r) => child.once('message', r)); return child; }));
  const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  for (let round = 0; round < 2; round++) for (const [i, m] of modes.entries()) {
    const pid = children[i]!.pid!; const c0 = cpu(pid);
    const r = await autocannon({ url: `http://127.0.0.1:${18800 + i}/v1/health`, connections: 32, duration: 2 });
    console.log(m.padEnd(7), 'rps', r.requests.average, 'cpu us/req', ((cpu(pid) - c0) * 1000 / r.requests.total).toFixed(1));
  }
  for (const c of children) c.kill();
}
