/** Smoke test: the built extension loads in real Chromium, its worker runs and its popup and vault page render. */
import type { WebError } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, openVaultPage, type LaunchedExtension } from './harness';

/** The manifest fields this test reads, typed locally (no @types/chrome here). */
interface ManifestLike {
  manifest_version: number;
  content_security_policy?: { extension_pages?: string };
  options_ui?: { page?: string; open_in_tab?: boolean };
  web_accessible_resources?: unknown[];
}

describe('smoke: Sealpass in Chromium', () => {
  let extension: LaunchedExtension | undefined;

  beforeAll(async () => {
    extension = await launchExtension();
  });

  afterAll(async () => {
    await extension?.close();
  });

  /** The launched extension; beforeAll failing already failed every test. */
  function launched(): LaunchedExtension {
    if (!extension) throw new Error('the extension did not launch');
    return extension;
  }

  it('starts the background service worker', async () => {
    const { serviceWorker, extensionId } = launched();
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const runtimeId = await serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    expect(runtimeId).toBe(extensionId);
  });

  it("declares a CSP with 'wasm-unsafe-eval' and no 'unsafe-eval' (Argon2id is WASM)", async () => {
    const manifest = await launched().serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): ManifestLike } } }).chrome.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(3);
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    // T21: no page of ours can be framed or opened by a web site; the vault page is the options page.
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.options_ui).toEqual({ page: 'vault.html', open_in_tab: true });
  });

  it('renders popup.html without page errors', async () => {
    const { context, extensionId } = launched();
    const errors: string[] = [];
    const onError = (error: WebError): void => {
      errors.push(error.error().message);
    };
    context.on('weberror', onError);
    const popup = await openPopup(context, extensionId);
    await popup.waitForFunction(
      () => (document.getElementById('root')?.childElementCount ?? 0) > 0 || document.body.innerText.trim() !== '',
    );
    context.off('weberror', onError);
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('renders vault.html', async () => {
    const { context, extensionId } = launched();
    const page = await openVaultPage(context, extensionId);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    // A fresh profile has no vault: the page offers to create one.
    expect(await page.locator('#root').innerText()).toContain('Create your vault.');
    await page.close();
  });
});
