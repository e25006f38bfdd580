/**
 * Headless Chromium for detection fixtures: one browser and context, each fixture served from a fake origin
 * with every other request refused, the project's detector injected (tests/corpus/corpus-page-entry.ts).
 */
import { bundlePageScript } from './bundle-detector';
import type { CorpusPageResult, CorpusPageSpec } from './corpus-page-entry';
import { openServedPageBrowser } from './served-page-browser';

/** A running browser that detects forms in fixture HTML. */
export interface FixturePages {
  /** Loads `html` (scripts should already be removed), runs the page entry with `spec`, closes the tab. */
  run(html: string, spec: CorpusPageSpec): Promise<CorpusPageResult>;
  close(): Promise<void>;
}

/**
 * Starts Chromium (`executablePath`, else `CHROMIUM_PATH`, else /usr/bin/chromium) with the flags of
 * ../shared/chromium-e2e.md. Pages cannot reach the network: only the fixture URL is answered.
 *
 * @throws {Error} when the detector does not build or Chromium does not start
 */
export async function openFixturePages(executablePath?: string): Promise<FixturePages> {
  const script = await bundlePageScript('tests/corpus/corpus-page-entry.ts');
  const browser = await openServedPageBrowser(script, executablePath);
  return {
    run: (html, spec) =>
      browser.run(html, (s: CorpusPageSpec) => (globalThis as unknown as { sealpassCorpus: { run(spec: CorpusPageSpec): CorpusPageResult } }).sealpassCorpus.run(s), spec),
    close: () => browser.close(),
  };
}
