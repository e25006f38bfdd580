/** Offscreen document: clears the clipboard when the background asks (the worker cannot), if it still holds what Sealpass copied. */
import '../../lib/messaging/zod-jitless';
import { browser } from 'wxt/browser';
import { CLEAR_CLIPBOARD_MESSAGE, clearOwnClipboardInDocument, expectedTagsSchema } from '../../lib/browser/clear-clipboard';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const m = message as { target?: unknown; type?: unknown; expected?: unknown } | null;
  if (sender.id !== browser.runtime.id || m?.target !== CLEAR_CLIPBOARD_MESSAGE.target || m.type !== CLEAR_CLIPBOARD_MESSAGE.type) return;
  const expected = expectedTagsSchema.safeParse(m.expected);
  if (!expected.success) return Promise.resolve({ ok: false });
  return clearOwnClipboardInDocument(document, expected.data).then(
    (outcome) => ({ ok: true, outcome }),
    () => ({ ok: false }),
  );
});
