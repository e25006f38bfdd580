/**
 * Offscreen document: clears the clipboard when the background asks (the worker cannot), if it still holds what
 * Sealpass copied; and scores password strength for the background in a worker of its own (issue 15), over a
 * port to the background, so passwords never pass through runtime.sendMessage.
 */
import '../../lib/messaging/zod-jitless';
import { browser } from 'wxt/browser';
import { SCORER_PORT, scoreReplySchema, scoreRequestSchema } from '../../lib/health/scoring/scorer-wire';
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

// The scorer: requests from the background go to the worker as they are, replies come back checked.
const worker = new Worker(new URL('./score-worker.ts', import.meta.url), { type: 'module' });
const scorerPort = browser.runtime.connect({ name: SCORER_PORT });
scorerPort.onMessage.addListener((message: unknown) => {
  const request = scoreRequestSchema.safeParse(message);
  if (request.success) worker.postMessage(request.data);
});
worker.onmessage = (event: MessageEvent<unknown>) => {
  const reply = scoreReplySchema.safeParse(event.data);
  if (reply.success) scorerPort.postMessage(reply.data);
};
// A worker that fails to start or crashes: the background's pending batches time out and it scores in place.
worker.onerror = () => scorerPort.disconnect();
