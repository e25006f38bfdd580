import autocannon from 'autocannon';
import { readFileSync, mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { spawnRelay } from '../relay/spawn-relay';
const relay = await spawnRelay({ DATA_DIR: mkdtempSync(join(tmpdir(), 'h-')), RATE_LIMIT_PER_ADDRESS: '1000000000', ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}) });
const pid = relay.child.pid;
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
for (let i = 0; i < 3; i++) {
  const c0 = cpu();
  const r = await autocannon({ url: `${relay.baseUrl}/v1/health`, connections: 32, duration: 3 });
  console.log('health rps', r.requests.average, 'cpu us/req', ((cpu() - c0) * 1000 / r.requests.total).toFixed(1));
}
await relay.stop();
