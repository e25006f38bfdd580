/**
 * One headless Chromium for scoring and labelling fixture pages: each page is served from a fake origin with every
 * other request refused, at Mozilla's capture viewport, with one bundled page script injected. The evaluator
 * (chromium-fixture-pages.ts) and the relabelling tools (scripts/eval-set/relabel-browser.ts) load pages the same way
 * through it, so that a page looks the same to both.
 */
import { chromium } from 'playwright-core';

const PAGE_URL = 'http://corpus.sealpass.invalid/fixture.html';
/** Mozilla's capture rubric: pages were frozen at a 1100 × 900 viewport. */
const VIEWPORT = { width: 1100, height: 900 };

/** A running browser that loads served HTML and runs a function of the injected script in it. */
export interface ServedPageBrowser {
  /**
   * Loads `html` (scripts should already be removed) in a new tab, injects the page script, returns `fn(arg)`
   * evaluated in the page, and closes the tab.
   */
  run<A, R>(html: string, fn: (arg: A) => R, arg: A): Promise<R>;
  close(): Promise<void>;
}

/**
 * Starts Chromium (`executablePath`, else `CHROMIUM_PATH`, else /usr/bin/chromium) with the flags of
 * ../shared/chromium-e2e.md.
 *
 * @param script - the page script (a classic script's text) injected into every page
 * @throws {Error} when Chromium does not start
 */
export async function openServedPageBrowser(script: string, executablePath?: string): Promise<ServedPageBrowser> {
  const browser = await chromium.launch({
    executablePath: executablePath ?? (process.env.CHROMIUM_PATH || '/usr/bin/chromium'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let html = '';
  try {
    // bypassCSP: the frozen Mozilla pages carry a CSP <meta> that would block the injected script.
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.route('**/*', (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    return {
      async run<A, R>(page: string, fn: (arg: A) => R, arg: A): Promise<R> {
        html = page;
        const tab = await context.newPage();
        try {
          await tab.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
          await tab.addScriptTag({ content: script });
          return (await tab.evaluate(fn as (a: unknown) => unknown, arg)) as R;
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
