/**
 * Bundles the relay for deployment (the Dockerfile's build stage): relay/server.ts and everything it
 * imports into one ES module, `dist/relay/server.mjs`, run with plain `node` (no tsx). better-sqlite3 stays
 * outside (a native addon, copied beside it with its two small dependencies); pg's optional native binding
 * is not used. Build the pages first (scripts/build-relay-pages.mjs); the image copies both.
 * Usage: node scripts/build-relay.mjs [outFile]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'dist', 'relay', 'server.mjs');

await build({
  entryPoints: [join(ROOT, 'relay', 'server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', 'pg-native'],
  // Bundled CommonJS (pg, hono's node server) calls require() for Node's built-ins; an ES module has none.
  banner: { js: "import { createRequire as __sealpassCreateRequire } from 'node:module'; const require = __sealpassCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`relay: bundled into ${outfile}`);
