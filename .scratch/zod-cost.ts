import '../lib/messaging/zod-jitless';
import { z } from 'zod';
const entries = z.array(z.tuple([z.string(), z.number().int()]));
const data = Array.from({ length: 10000 }, (_, i) => [`${i.toString(16).padStart(32, '0')}`, 3]);
const json = JSON.stringify(data);
const row = z.object({ id: z.string(), rev: z.number().int(), type: z.enum(['login', 'note']), title: z.string(), username: z.string(), url: z.string(), folder: z.string(), tags: z.array(z.string()), favourite: z.boolean(), updatedAt: z.number(), deleted: z.boolean() });
const rows = Array.from({ length: 10000 }, (_, i) => ({ id: `${i.toString(16).padStart(32, '0')}`, rev: 1, type: 'login', title: `Service ${i}`, username: `user${i}@example.org`, url: `https://login.site${i}.com/signin`, folder: `Folder ${i%20}`, tags: ['tag1'], favourite: false, updatedAt: 1700000000000, deleted: false }));
const rjson = JSON.stringify(rows);
const rowsSchema = z.array(row);
for (let k = 0; k < 5; k++) {
  const c0 = process.cpuUsage();
  let s = performance.now(); const p = JSON.parse(json); const a = performance.now() - s;
  s = performance.now(); entries.parse(p); const b = performance.now() - s;
  s = performance.now(); const q = JSON.parse(rjson); const c = performance.now() - s;
  s = performance.now(); rowsSchema.parse(q); const d = performance.now() - s;
  console.log({ manifestParse: a.toFixed(1), manifestZod: b.toFixed(1), rowsParse: c.toFixed(1), rowsZod: d.toFixed(1), cpu: (process.cpuUsage(c0).user/1000).toFixed(0), bytes: rjson.length });
}
