/**
 * The extension's one offscreen document (Chromium allows one per extension): the clipboard, the strength
 * scorer's worker and the KDF's worker share it, so it is created with both reasons by whichever needs it first.
 */
import { browser } from 'wxt/browser';

/** Path of the offscreen page (entrypoints/offscreen). */
export const OFFSCREEN_PATH = '/offscreen.html';

let creating: Promise<void> | null = null;

/**
 * Creates the offscreen document unless it exists. Two callers at once share one creation (a second
 * `createDocument` would fail while the first is under way).
 * @returns false where there are no offscreen documents (Firefox)
 */
export async function ensureOffscreenDocument(): Promise<boolean> {
  const offscreen = browser.offscreen;
  if (!offscreen) return false;
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length > 0) return true;
  creating ??= offscreen
    .createDocument({
      url,
      reasons: ['CLIPBOARD', 'WORKERS'],
      justification: 'Clear a copied password from the clipboard; score password strength and derive the master key in workers, off the service worker.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
  return true;
}
