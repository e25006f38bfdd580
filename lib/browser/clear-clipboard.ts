/**
 * Empties the clipboard from the service worker, which has no clipboard access of its own: an offscreen
 * document (reason CLIPBOARD) does the write.
 */
import { browser } from 'wxt/browser';

/** The message the offscreen document answers; internal, not part of the protocol map. */
export const CLEAR_CLIPBOARD_MESSAGE = { target: 'offscreen', type: 'clear-clipboard' } as const;

/** Opens the offscreen document when needed and asks it to empty the clipboard. */
export async function clearClipboard(): Promise<void> {
  const offscreen = browser.offscreen;
  if (!offscreen) return; // Firefox has no offscreen documents; its popup clears instead while open.
  const url = browser.runtime.getURL('/offscreen.html');
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length === 0) {
    await offscreen.createDocument({ url, reasons: ['CLIPBOARD'], justification: 'Clear a copied password from the clipboard.' });
  }
  await browser.runtime.sendMessage(CLEAR_CLIPBOARD_MESSAGE);
}
