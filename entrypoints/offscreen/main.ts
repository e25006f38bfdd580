/** Offscreen document: empties the clipboard when the background asks (the worker cannot). */
import { browser } from 'wxt/browser';
import { CLEAR_CLIPBOARD_MESSAGE } from '../../lib/browser/clear-clipboard';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const m = message as { target?: unknown; type?: unknown } | null;
  if (sender.id !== browser.runtime.id || m?.target !== CLEAR_CLIPBOARD_MESSAGE.target || m.type !== CLEAR_CLIPBOARD_MESSAGE.type) return;
  // A copy event whose data we replace with an empty string: works without focus, unlike navigator.clipboard.
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
  return Promise.resolve({ ok: true });
});
