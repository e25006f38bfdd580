/**
 * Empties the clipboard from the service worker, which has no clipboard access of its own: an offscreen
 * document (reason CLIPBOARD) does the write.
 */
import { browser } from 'wxt/browser';

/** The message the offscreen document answers; internal, not part of the protocol map. */
export const CLEAR_CLIPBOARD_MESSAGE = { target: 'offscreen', type: 'clear-clipboard' } as const;

/**
 * Replaces the clipboard's text with an empty string through a `copy` event, which needs a document but
 * no focus (unlike `navigator.clipboard`).
 */
export function emptyClipboardInDocument(doc: Document): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  doc.execCommand('copy');
  doc.removeEventListener('copy', onCopy);
}

/** Empties the clipboard: directly where the background has a document (Firefox MV2), else offscreen. */
export async function clearClipboard(): Promise<void> {
  const offscreen = browser.offscreen;
  if (!offscreen) {
    if (typeof document !== 'undefined') emptyClipboardInDocument(document);
    return;
  }
  const url = browser.runtime.getURL('/offscreen.html');
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length === 0) {
    await offscreen.createDocument({ url, reasons: ['CLIPBOARD'], justification: 'Clear a copied password from the clipboard.' });
  }
  await browser.runtime.sendMessage(CLEAR_CLIPBOARD_MESSAGE);
}
