/**
 * DOM tests of the content-script side of saving run in a real headless Chromium page, not jsdom: jsdom 31
 * (the installed one) needs Node ≥ 22.22 and this project runs on Node 20, and only a real browser makes the
 * trusted events (`isTrusted`) and the layout that the code under test relies on. One browser per test file.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { bundlePageScript } from '../corpus/bundle-detector';

/** A page with the bundled entry script; `load` replaces the document and re-runs the script. */
export interface TestPage {
  page: Page;
  /** Sets the page's HTML (at `http://sealpass.test/`, no network) and runs the entry script in it. */
  load(html: string): Promise<void>;
  close(): Promise<void>;
}

const ORIGIN = 'http://sealpass.test';

/**
 * Launches Chromium and bundles `entry` (relative to the repository root) for its pages.
 * @throws {Error} when Chromium is missing (`node scripts/ensure-chromium.mjs`) or the entry does not build
 */
async function openTestPage(entry: string): Promise<TestPage> {
  const script = await bundlePageScript(entry);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  let html = '';
  // A real http origin (not about:blank), served from memory; anything else the page asks for is refused.
  await page.route('**/*', (route) =>
    route.request().url().startsWith(`${ORIGIN}/`)
      ? route.fulfill({ contentType: 'text/html', body: html })
      : route.abort(),
  );
  return {
    page,
    async load(next) {
      html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${next}</body></html>`;
      await page.goto(`${ORIGIN}/`);
      await page.addScriptTag({ content: script });
    },
    close: () => browser.close(),
  };
}

/**
 * Opens one page for the calling test file before its tests (launching Chromium takes a while) and closes
 * it after them. Call it at the top of the file.
 * @param entry - as for `openTestPage`
 * @returns the page, to use inside tests and hooks once it has opened
 */
export function useTestPage(entry: string): Omit<TestPage, 'close'> {
  let opened: TestPage | undefined;
  beforeAll(async () => {
    opened = await openTestPage(entry);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
  });
  const current = (): TestPage => {
    if (opened === undefined) throw new Error('The test page is not open yet: use it inside a test or hook.');
    return opened;
  };
  return {
    get page() {
      return current().page;
    },
    load: (html) => current().load(html),
  };
}
