/**
 * End-to-end harness: loads the built extension (`.output/chrome-mv3`) into real Chromium with playwright-core,
 * following ../../../shared/chromium-e2e.md, and opens its pages. Build first (`npm run test:e2e` does).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export { dumpExtensionStorage, readStorageArea, scanProfileFiles } from './storage-dump';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The unpacked Chromium build that `wxt build` writes; `SEALPASS_EXTENSION_DIR` points elsewhere. */
export const EXTENSION_DIR = resolve(process.env.SEALPASS_EXTENSION_DIR || join(REPO_ROOT, '.output', 'chrome-mv3'));
/**
 * Where `screenshot()` writes. Every run writes to `test-results/screenshots/` (ignored by git), since the
 * random values typed by the tests change the images each time; `npm run screenshots` (UPDATE_SCREENSHOTS=1)
 * writes the committed copies in `tests/e2e/screenshots/`, which the README embeds.
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1'
  ? join(REPO_ROOT, 'tests', 'e2e', 'screenshots')
  : join(REPO_ROOT, 'test-results', 'screenshots');
/** The popup's size in Chrome's toolbar bubble, used as the page viewport. */
export const POPUP_VIEWPORT = { width: 380, height: 600 } as const;

/** `CHROMIUM_PATH` or Debian's chromium (installed by scripts/ensure-chromium.mjs). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** A running Chromium with Sealpass loaded. */
export interface LaunchedExtension {
  context: BrowserContext;
  /** The 32-letter id Chromium derived from the extension folder's path. */
  extensionId: string;
  /** `chrome-extension://<id>` */
  origin: string;
  /** The background service worker (the only holder of keys). */
  serviceWorker: Worker;
  /** The profile folder; pass it to another `launchExtension` to restart the same browser profile. */
  userDataDir: string;
  /**
   * Closes the browser. A profile folder created by the harness is deleted unless `keepProfile` is set;
   * a folder the caller passed in is never deleted here (see `removeProfile`).
   */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Options for `launchExtension`. */
export interface LaunchOptions {
  /** Reuse an existing profile (a browser restart); default is a fresh temporary folder. */
  userDataDir?: string;
  /** Grant clipboard read/write so tests can read what the extension copied; default true. */
  grantClipboard?: boolean;
}

/**
 * Starts headless Chromium with the built extension and waits for its service worker.
 * Clipboard read/write is granted (to every origin: see `grantClipboard`) so tests can call
 * `navigator.clipboard.readText()` from an extension page.
 * @throws {Error} when the build or the browser is missing
 * @example
 *   const ext = await launchExtension();
 *   const popup = await openPopup(ext.context, ext.extensionId);
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build in ${EXTENSION_DIR}; run "npx wxt build" first (npm run test:e2e does).`);
  }
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}; run "node scripts/ensure-chromium.mjs".`);
  }
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'sealpass-e2e-')));

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    // Playwright passes --disable-extensions by default, which would win over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const serviceWorker = await waitForServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    if (options.grantClipboard ?? true) {
      // Chromium refuses `{ origin: 'chrome-extension://…' }` ("Permission can't be granted to opaque origins"),
      // so the grant covers every origin in this browser. Suites with hostile pages should pass `false`.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    }
    return {
      context,
      extensionId,
      origin,
      serviceWorker,
      userDataDir,
      async close(closeOptions = {}) {
        await context.close();
        if (ownsProfile && !closeOptions.keepProfile) await removeProfile(userDataDir);
      },
    };
  } catch (error) {
    await context.close();
    if (ownsProfile) await removeProfile(userDataDir);
    throw error;
  }
}

/** The extension's background service worker, waiting for it to register if it has not yet. */
async function waitForServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtensionWorker = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtensionWorker });
}

/** Deletes a profile folder (after its browser is closed). */
export async function removeProfile(userDataDir: string): Promise<void> {
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Opens `popup.html` in a new tab sized like the toolbar popup (380×600).
 * The page is loaded; wait for the screen you expect before acting.
 */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'popup.html', POPUP_VIEWPORT);
}

/** Opens the full-tab vault page (`vault.html`) at a desktop size. */
export async function openVaultPage(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'vault.html', { width: 1280, height: 800 });
}

/** Opens any page of the extension in a new tab. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  path: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** Reads the clipboard from an extension page (permission granted by `launchExtension`). */
export async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Saves a PNG of the page to `SCREENSHOT_DIR/<name>.png` and returns its path. Animations are disabled so
 * the image is stable; the image stops at the body's bottom edge when the body is shorter than the viewport (the
 * popup's body is 560 px high, as Chrome sizes the real popup to it).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  const viewport = page.viewportSize();
  const bodyHeight = await page.evaluate(() => document.body.getBoundingClientRect().height);
  const clip =
    viewport && bodyHeight > 0 && bodyHeight < viewport.height
      ? { x: 0, y: 0, width: viewport.width, height: Math.ceil(bodyHeight) }
      : undefined;
  await page.screenshot({ path, animations: 'disabled', ...(clip ? { clip } : {}) });
  return path;
}

/**
 * Sends a raw runtime message from an inert extension page (the manifest shown as text) and returns the reply,
 * as the popup would send it but without the popup's code. For checking refusals, e.g. `locked` (S4).
 */
export async function sendExtensionMessage(context: BrowserContext, extensionId: string, message: unknown): Promise<unknown> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    return await page.evaluate(
      (payload) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(payload),
      message,
    );
  } finally {
    await page.close();
  }
}
