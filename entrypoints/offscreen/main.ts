/** Offscreen document: empties the clipboard when the background asks (the worker cannot). */
import { browser } from 'wxt/browser';
import { CLEAR_CLIPBOARD_MESSAGE, emptyClipboardInDocument } from '../../lib/browser/clear-clipboard';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const m = message as { target?: unknown; type?: unknown } | null;
  if (sender.id !== browser.runtime.id || m?.target !== CLEAR_CLIPBOARD_MESSAGE.target || m.type !== CLEAR_CLIPBOARD_MESSAGE.type) return;
  emptyClipboardInDocument(document);
  return Promise.resolve({ ok: true });
});
