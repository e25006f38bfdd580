/**
 * Builds the relay's public pages (issue 14): `lib/links/page/link-page.ts` and `request-page.ts`, each one
 * minified script with everything it imports, and the shared style sheet, into `.output/relay-pages/` (or
 * the folder given as the first argument). The relay inlines them and names them by hash in its CSP
 * (relay/pages/relay-pages.ts). Vite (rolldown) rather than esbuild: esbuild keeps all of zod's locales
 * (450 KB), rolldown shakes them out (about 180 KB per page).
 * Usage: node scripts/build-relay-pages.mjs [outDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_DIR = join(ROOT, 'lib', 'links', 'page');

/**
 * @param {string} outDir - where link.js, request.js and page.css go
 * @returns {Promise<string>} the folder written
 */
export async function buildRelayPages(outDir = join(ROOT, '.output', 'relay-pages')) {
  const { build } = await import('vite');
  mkdirSync(outDir, { recursive: true });
  // One build per page: an IIFE cannot share chunks, and each page must stand alone.
  for (const [entry, name] of [['link-page.ts', 'link.js'], ['request-page.ts', 'request.js']]) {
    await build({
      configFile: false,
      root: ROOT,
      publicDir: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        modulePreload: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 1000,
        rolldownOptions: { input: join(PAGE_DIR, entry), output: { format: 'iife', entryFileNames: name } },
      },
    });
  }
  // The style sheet is small and hand-written: comments and line breaks go, nothing else changes.
  const css = readFileSync(join(PAGE_DIR, 'page.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '').trim();
  writeFileSync(join(outDir, 'page.css'), css);
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = await buildRelayPages(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`relay pages: built into ${outDir}`);
}
