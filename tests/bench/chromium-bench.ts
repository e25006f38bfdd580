/** The vault and Argon2 figures measured inside real Chromium: Vite-built page, local http server, playwright-core. */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// Types only: vite and playwright-core are imported when the Chromium bench starts, since loading them adds about
// 230 MB to this process's RSS, which would otherwise land in the Node run's `peakRssMiB`.
import type { BrowserContext } from 'playwright-core';
import type { Argon2PageFigures, BenchWindow, ExtensionKdfFigures, KdfCandidateFigures } from './chromium/bench-page';
import type { VaultFigures } from './vault-bench';
import type { ImportFigures } from './import-bench';
import { nativeCliByLanes, nativeCliSamples } from './argon2-bench';
import { median, round } from './stats';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..', '..');
const ENTRY = join(HERE, 'chromium', 'bench-page.ts');
const PAGE_SCRIPT = 'bench-page.js';
/**
 * A hung page must not hang `npm run bench`. A quiet run takes about a minute; with the Argon2id candidates (15
 * derivations more) on two busy shared cores it took over three, so the limit leaves room for that.
 */
const TIMEOUT_MS = 420_000;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Either the figures, or why there are none (`failed` is false when Chromium is simply not installed). */
export type ChromiumBenchResult =
  | { ok: true; version: string; argon2: Argon2PageFigures; extensionKdf: ExtensionKdfFigures & { nativeCliMs: number | null; nativeCliByLanesMs: Record<string, number> | null }; kdfCandidates: KdfCandidateFigures; vault: VaultFigures & { unlockToListRunsMs: number[] }; import: ImportFigures }
  | { ok: false; failed: boolean; reason: string };

/** `CHROMIUM_PATH` or Debian's chromium, as in the e2e harness. */
function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Bundles the page with Vite into `outDir` and writes the tiny index.html that loads it. */
async function buildPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false, // the repo has no vite.config, and WXT's config is for the extension, not this page
    root: REPO_ROOT,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'esnext',
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000, // one bundle is what we want here; the warning would only add noise to the bench output
      // A plain JS entry instead of an HTML one: Vite would place an index.html outside `root` at an awkward path.
      rolldownOptions: { input: ENTRY, output: { format: 'es', entryFileNames: PAGE_SCRIPT } },
    },
  });
  // The Argon2id candidates' WebAssembly and workers (chromium/kdf-candidates.ts), served as their packages ship them.
  await cp(join(REPO_ROOT, 'node_modules', 'argon2id', 'dist'), join(outDir, 'kdf'), { recursive: true });
  await cp(join(REPO_ROOT, 'node_modules', '@very-amused', 'argon2-wasm', 'build'), join(outDir, 'kdf', 'amused'), { recursive: true });
  // Its build sizes the pthread pool by navigator.hardwareConcurrency; with 4 lanes on 2 cores the 3rd and 4th
  // thread would be started on demand, which blocks forever inside a worker. Four pooled workers avoid that.
  await writeFile(
    join(outDir, 'kdf', 'amused', 'worker-4-threads.js'),
    "Object.defineProperty(WorkerNavigator.prototype, 'hardwareConcurrency', { get: () => 4 });\nimportScripts('worker.js');\n",
  );
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Sealpass bench</title><script type="module" src="./${PAGE_SCRIPT}"></script>\n`,
  );
}

/** Serves `dir` on 127.0.0.1 at a random port: real IndexedDB needs an http origin, file:// has none. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolve(dir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            // Cross-origin isolation refines `performance.now()` from 100 µs to 5 µs steps, which sub-millisecond keystrokes and lookups need.
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-embedder-policy': 'require-corp',
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Rejects after `ms` with `what` in the message. */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs both benches in one page of `context`; page errors are rethrown with the page's own message. */
async function runInPage(context: BrowserContext, origin: string, count: number, storage: string, argon2Runs: number) {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${origin}/index.html`);
    // A failed module import shows up only as a page error, so wait for the API or report that error.
    await page.waitForFunction(() => 'runVaultBench' in window, undefined, { timeout: 30_000 }).catch((error: unknown) => {
      throw new Error(pageErrors.length > 0 ? `bench page failed to load: ${pageErrors.join('; ')}` : String(error));
    });
    // Argon2 first, in a quiet page, as in the Node run. The callbacks stay trivial: Playwright sends their source text.
    const argon2 = await page.evaluate((runs) => (window as unknown as BenchWindow).runArgon2Bench(runs), argon2Runs);
    // The native CLI right before and after, so both figures see the same load on the shared cores (the `argon2`
    // part ran minutes earlier, under whatever load there was then).
    const nativeBefore = nativeCliSamples(argon2Runs);
    const extensionFigures = await page.evaluate((runs) => (window as unknown as BenchWindow).runExtensionKdf(runs), argon2Runs);
    const nativeAfter = nativeCliSamples(argon2Runs);
    const nativeCurve = nativeCliByLanes(Math.min(argon2Runs, 3));
    const nativeCliMs = nativeBefore && nativeAfter ? round(median([...nativeBefore, ...nativeAfter])) : null;
    const extensionKdf = { ...extensionFigures, nativeCliMs, nativeCliByLanesMs: nativeCurve };
    const kdfCandidates = await page.evaluate((runs) => (window as unknown as BenchWindow).runKdfCandidates(runs), Math.min(argon2Runs, 3));
    const vaultName = `bench-vault-${Date.now()}`;
    const first = await page.evaluate(
      ([items, label, name]) => (window as unknown as BenchWindow).runVaultBench(items, label, name),
      [count, storage, vaultName] as const,
    );
    // One unlock is one sample of cold code, and on two shared cores one sample swings more than the target's
    // margin: the same vault is unlocked again in fresh pages (each a cold start, as a service worker's unlock is),
    // and the median of the three is the figure; every sample is printed.
    const coldRuns = [first.unlockToListMs];
    for (let run = 1; run < UNLOCK_SAMPLES; run++) coldRuns.push(round(await unlockInFreshPage(context, origin, vaultName, count)));
    const vault = { ...first, unlockToListMs: round(median(coldRuns)), unlockToListRunsMs: coldRuns };
    const imported = await page.evaluate(
      ([rows, label]) => (window as unknown as BenchWindow).runImportBench(rows, label),
      [count, storage] as const,
    );
    return { argon2, extensionKdf, kdfCandidates, vault, import: imported };
  } finally {
    await page.close();
  }
}

/** Cold unlocks of the one 10,000-item vault, each in its own page: the first in the vault bench's. */
const UNLOCK_SAMPLES = 3;

/** Unlock → sorted list of the vault in database `name`, in a page of its own (fresh code, same IndexedDB origin). */
async function unlockInFreshPage(context: BrowserContext, origin: string, name: string, count: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'runUnlockToList' in window, undefined, { timeout: 30_000 });
    return await page.evaluate(([vaultName, items]) => (window as unknown as BenchWindow).runUnlockToList(vaultName, items), [name, count] as const);
  } finally {
    await page.close();
  }
}

/**
 * Builds the page, serves it, and runs the vault bench (`count` items) and our Argon2id in headless Chromium.
 * Never throws: a missing browser or any failure comes back as `{ ok: false, reason }`.
 */
export async function benchChromium(count = 10_000, argon2Runs = 5): Promise<ChromiumBenchResult> {
  const executablePath = chromiumPath();
  if (!isExecutable(executablePath)) {
    return { ok: false, failed: false, reason: `no Chromium executable at ${executablePath} (set CHROMIUM_PATH or run: sudo apt-get install -y chromium)` };
  }
  const workDir = await mkdtemp(join(tmpdir(), 'sealpass-bench-'));
  const outDir = join(workDir, 'page');
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  try {
    await buildPage(outDir);
    const served = await serve(outDir);
    server = served.server;
    // A persistent profile on disk, not `chromium.launch()` + `newContext()`: that context is off the record, and
    // Chromium keeps an off-the-record profile's IndexedDB in memory, while the extension's vault lives on disk.
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const version = context.browser()?.version() ?? 'unknown';
    const figures = await withTimeout(runInPage(context, served.origin, count, `IndexedDB (Chromium ${version})`, argon2Runs), TIMEOUT_MS, 'the Chromium bench');
    return { ok: true, version, ...figures };
  } catch (error) {
    // The first line only: Playwright appends the browser's whole command line and call log.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failed: true, reason: message.split('\n', 1)[0] ?? message };
  } finally {
    await context?.close().catch(() => undefined);
    if (server) {
      const open = server;
      // Keep-alive sockets would hold `close()` open until they time out.
      open.closeAllConnections();
      await new Promise((done) => open.close(done));
    }
    await rm(workDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * `benchChromium` in a fresh Node process (chromium-part.ts), so the caller's heap does not share the cores with
 * the browser; stopped when `signal` aborts.
 * @returns what `benchChromium` returned there, or `{ ok: false, failed: true }` with the reason
 */
export async function benchChromiumApart(signal: AbortSignal): Promise<ChromiumBenchResult> {
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(HERE, 'chromium-part.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => child.kill('SIGKILL');
  signal.addEventListener('abort', stop, { once: true });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) return { ok: false, failed: true, reason: `the Chromium part exited with ${code}` };
    return JSON.parse(out) as ChromiumBenchResult;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
