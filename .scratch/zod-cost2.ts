import '../lib/messaging/zod-jitless';
import { z } from 'zod';
const N = 10000, B = 32;
const str = z.array(z.string());
const cols = z.object({ ids: str, revs: z.array(z.number().int()), types: z.array(z.enum(['login', 'note'])), titles: str, usernames: str, urls: str, folders: str, tags: z.array(z.array(z.string())), favourites: z.array(z.boolean()), updatedAts: z.array(z.number()), deleted: z.array(z.boolean()) });
const buckets = Array.from({ length: B }, (_, b) => { const n = N / B; const r = (f: (i: number) => unknown) => Array.from({ length: n }, (_, j) => f(b * n + j));
  return JSON.stringify({ ids: r((i) => i.toString(16).padStart(32, '0')), revs: r(() => 1), types: r(() => 'login'), titles: r((i) => `Service ${i}`), usernames: r((i) => `user${i}@example.org`), urls: r((i) => `https://login.site${i}.com/signin`), folders: r((i) => `Folder ${i % 20}`), tags: r(() => ['tag1']), favourites: r(() => false), updatedAts: r(() => 1700000000000), deleted: r(() => false) }); });
for (let k = 0; k < 6; k++) {
  const c0 = process.cpuUsage();
  for (const json of buckets) cols.parse(JSON.parse(json));
  const c1 = process.cpuUsage(c0);
  console.log({ cpuMs: ((c1.user + c1.system) / 1000).toFixed(1), bytes: buckets.reduce((n, b) => n + b.length, 0) });
}
