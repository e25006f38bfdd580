/** Scratch: build an entry with Vite, serve with COOP/COEP, run window.run() in headless Chromium, print result. */
import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
const entry = resolve(process.argv[2]!);
const extra = process.argv[3];
const out = await mkdtemp(join(tmpdir(), 'scratch-'));
const { build } = await import('vite');
await build({ configFile: false, root: process.cwd(), publicDir: false, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, target: 'esnext', modulePreload: false, rolldownOptions: { input: entry, output: { format: 'es', entryFileNames: 'page.js' } } } });
await writeFile(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>');
if (extra) await cp(extra, join(out, 'kdf'), { recursive: true });
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const p = new URL(req.url!, 'http://x').pathname;
  readFile(join(out, p === '/' ? 'index.html' : p)).then((b) => res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }).end(b), () => res.writeHead(404).end());
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const { chromium } = await import('playwright-core');
const ctx = await chromium.launchPersistentContext(join(out, 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await ctx.newPage();
page.on('console', (m) => console.error('page:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(`http://127.0.0.1:${port}/index.html`);
await page.waitForFunction(() => 'run' in window, undefined, { timeout: 60000 });
const result = await page.evaluate(() => (window as any).run(), undefined);
console.log(JSON.stringify(result, null, 1));
await ctx.close(); server.close(); server.closeAllConnections();
