import '../lib/messaging/zod-jitless';
import { z } from 'zod';
const entries = z.array(z.tuple([z.string(), z.number().int()]));
const data = JSON.stringify(Array.from({ length: 10000 }, (_, i) => [`${i.toString(16).padStart(32, '0')}`, 3]));
for (let k = 0; k < 6; k++) {
  const c0 = process.cpuUsage();
  const m = new Map(entries.parse(JSON.parse(data)));
  const c1 = process.cpuUsage(c0);
  console.log({ cpuMs: ((c1.user + c1.system) / 1000).toFixed(1), n: m.size });
}
