/**
 * Bundles detection code for a browser page with esbuild (already in node_modules as the bundler of tsx and
 * Vite): fast enough to run before every evaluation, and the same minifier settings give the size figure.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The modules that ship in the content script for detection: the size budget covers exactly these. */
export const DETECTION_EXPORTS = `
export { detectForms } from './lib/autofill/content/detect/detect-forms';
`;

/**
 * Bundles `entry` (a path relative to the repository root) into one classic script.
 *
 * @param entry - e.g. `tests/corpus/corpus-page-entry.ts`
 * @returns the script text
 * @throws {Error} on a build error (esbuild's message)
 */
export async function bundlePageScript(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(REPO_ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * Minified size of the detection modules (`DETECTION_EXPORTS`) as an ES module, as a content-script
 * bundler would emit them.
 *
 * @returns bytes, minified, and gzip-compressed bytes of the same text
 */
export async function measureDetectionSize(): Promise<{ minifiedBytes: number; gzipBytes: number }> {
  const { build } = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const out = await build({
    stdin: { contents: DETECTION_EXPORTS, resolveDir: REPO_ROOT, sourcefile: 'detection.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0]!.contents;
  return { minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

/**
 * Minified size of the autofill content script (entrypoints/autofill.ts with everything it imports: detection,
 * inline menu, fill) as one classic script, the way the extension build ships it. esbuild's figure is within a
 * few dozen bytes of the WXT build's `.output/chrome-mv3/autofill.js` (same minifier class, WXT adds a small
 * start-up wrapper), and it needs no build of the whole extension.
 *
 * @returns bytes, minified
 */
export async function measureContentScriptSize(): Promise<number> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(REPO_ROOT, 'entrypoints/autofill.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    // The entry imports only a type from wxt.
    external: ['wxt'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.contents.length;
}
