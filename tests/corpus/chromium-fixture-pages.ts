/**
 * Headless Chromium for detection fixtures: one browser and context, each fixture served from a fake origin
 * with every other request refused, the project's detector injected (tests/corpus/corpus-page-entry.ts).
 */
import { chromium } from 'playwright-core';
import { bundlePageScript } from './bundle-detector';
import type { CorpusPageResult, CorpusPageSpec } from './corpus-page-entry';

const FIXTURE_URL = 'http://corpus.sealpass.invalid/fixture.html';
/** Mozilla's capture rubric: pages were frozen at a 1100 × 900 viewport. */
const VIEWPORT = { width: 1100, height: 900 };

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
  const browser = await chromium.launch({
    executablePath: executablePath ?? (process.env.CHROMIUM_PATH || '/usr/bin/chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let html = '';
  try {
    // bypassCSP: the frozen Mozilla pages carry a CSP <meta> that would block the injected detector.
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.route('**/*', (route) =>
      route.request().url() === FIXTURE_URL
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    return {
      async run(page, spec) {
        html = page;
        const tab = await context.newPage();
        try {
          await tab.goto(FIXTURE_URL, { waitUntil: 'domcontentloaded' });
          await tab.addScriptTag({ content: script });
          return await tab.evaluate(
            (s) => (globalThis as unknown as { sealpassCorpus: { run(spec: CorpusPageSpec): CorpusPageResult } }).sealpassCorpus.run(s),
            spec,
          );
        } finally {
          await tab.close();
        }
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
