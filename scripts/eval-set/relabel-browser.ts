/**
 * Headless Chromium for relabelling: pages served as the evaluator serves them (scripts removed, DDG fragments
 * in a body, 1100 × 900, network refused), with only scripts/eval-set/relabel-page-entry.ts injected: the
 * evaluator's visibility test and structural listing, never the detector.
 */
import { chromium } from 'playwright-core';
import { bundlePageScript } from '../../tests/corpus/bundle-detector';
import type { Candidate, RelabelPageSpec, SelectorCheck } from './relabel-page-entry';

const PAGE_URL = 'http://eval.sealpass.invalid/page.html';
const VIEWPORT = { width: 1100, height: 900 };

/** One browser; each call opens a tab on the given HTML and closes it. */
export interface RelabelPages {
  list(html: string, spec: RelabelPageSpec): Promise<Candidate[]>;
  /** Checks `selectors` against the page; `others` are its remaining expected selectors (for duplicates). */
  check(html: string, selectors: string[], others: string[]): Promise<SelectorCheck[]>;
  close(): Promise<void>;
}

/**
 * Starts Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium).
 *
 * @throws {Error} when the page code does not build or Chromium does not start
 */
export async function openRelabelPages(): Promise<RelabelPages> {
  const script = await bundlePageScript('scripts/eval-set/relabel-page-entry.ts');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let html = '';
  try {
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    const run = async <T>(page: string, method: 'list' | 'check', arg: unknown): Promise<T> => {
      html = page;
      const tab = await context.newPage();
      try {
        await tab.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
        await tab.addScriptTag({ content: script });
        return (await tab.evaluate(
          ([m, a]) => (globalThis as unknown as { sealpassRelabel: Record<string, (x: unknown) => unknown> }).sealpassRelabel[m as string]!(a),
          [method, arg] as const,
        )) as T;
      } finally {
        await tab.close();
      }
    };
    return {
      list: (page, spec) => run<Candidate[]>(page, 'list', spec),
      check: (page, selectors, others) => run<SelectorCheck[]>(page, 'check', { selectors, others }),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
