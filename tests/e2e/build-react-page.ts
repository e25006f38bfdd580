/** Builds tests/e2e/pages/react-login-page.ts into one ES module with Vite (production React), for the page server. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

/** @returns the bundle's source text (about 190 KB) */
export async function buildReactPage(): Promise<string> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'sealpass-react-page-'));
  try {
    await build({
      configFile: false,
      root: REPO_ROOT,
      publicDir: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'esnext',
        modulePreload: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 100_000,
        rolldownOptions: { input: join(REPO_ROOT, 'tests', 'e2e', 'pages', 'react-login-page.ts'), output: { format: 'es', entryFileNames: 'react-login.js' } },
      },
    });
    return await readFile(join(outDir, 'react-login.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
