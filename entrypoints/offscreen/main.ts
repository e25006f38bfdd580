/**
 * Offscreen document: clears the clipboard when the background asks (the worker cannot), if it still holds what
 * Sealpass copied; and scores password strength for the background in a worker of its own (issue 15), over a
 * port to the background, so passwords never pass through runtime.sendMessage; and derives the master key with
 * Argon2id in another worker (issue 15), over a second port of the same kind.
 */
import '../../lib/messaging/zod-jitless';
import { browser, type Browser } from 'wxt/browser';
import { SCORER_CONNECT_MESSAGE, SCORER_PORT, scoreReplySchema, scoreRequestSchema } from '../../lib/health/scoring/scorer-wire';
import { KDF_CONNECT_MESSAGE, KDF_PORT, kdfReplySchema, kdfRequestSchema, type KdfReply } from '../../lib/browser/kdf-wire';
import { CLEAR_CLIPBOARD_MESSAGE, clearOwnClipboardInDocument, expectedTagsSchema } from '../../lib/browser/clear-clipboard';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const m = message as { target?: unknown; type?: unknown; expected?: unknown } | null;
  if (sender.id === browser.runtime.id && m?.target === KDF_CONNECT_MESSAGE.target && m.type === KDF_CONNECT_MESSAGE.type) {
    if (!kdfPort) connectKdf();
    return undefined;
  }
  if (sender.id === browser.runtime.id && m?.target === SCORER_CONNECT_MESSAGE.target && m.type === SCORER_CONNECT_MESSAGE.type) {
    if (!scorerPort && !scorerFailed) connectScorer();
    return undefined;
  }
  if (sender.id !== browser.runtime.id || m?.target !== CLEAR_CLIPBOARD_MESSAGE.target || m.type !== CLEAR_CLIPBOARD_MESSAGE.type) return;
  const expected = expectedTagsSchema.safeParse(m.expected);
  if (!expected.success) return Promise.resolve({ ok: false });
  return clearOwnClipboardInDocument(document, expected.data).then(
    (outcome) => ({ ok: true, outcome }),
    () => ({ ok: false }),
  );
});

// The scorer: requests from the background go to the worker as they are, replies come back checked. Like the KDF's
// port below, it goes when the service worker stops, and the background asks for a new one (SCORER_CONNECT_MESSAGE).
const worker = new Worker(new URL('./score-worker.ts', import.meta.url), { type: 'module' });
let scorerPort: Browser.runtime.Port | null = null;
/** Set when the worker failed: no new port then, so the background keeps scoring in place. */
let scorerFailed = false;
function connectScorer(): void {
  const port = browser.runtime.connect({ name: SCORER_PORT });
  scorerPort = port;
  port.onMessage.addListener((message: unknown) => {
    const request = scoreRequestSchema.safeParse(message);
    if (request.success) worker.postMessage(request.data);
  });
  port.onDisconnect.addListener(() => {
    if (scorerPort === port) scorerPort = null;
  });
}
worker.onmessage = (event: MessageEvent<unknown>) => {
  const reply = scoreReplySchema.safeParse(event.data);
  if (reply.success) scorerPort?.postMessage(reply.data);
};
// A worker that fails to start or crashes: the background's pending batches fail at once and it scores in place.
worker.onerror = () => {
  scorerFailed = true;
  scorerPort?.disconnect();
  scorerPort = null;
};
connectScorer();

// The KDF (issue 15, decision 5): the master password comes from the background over its own port, goes to a
// worker started on first use, and the 32-byte key goes back; both ends check every message, and this page zeroes
// the key arrays it relayed. A worker that fails answers `failed` for what it held and is replaced on the next
// request. When the service worker stops, the port goes with it; the background asks for a new one when it
// next needs the KDF (KDF_CONNECT_MESSAGE), rather than this page waking it up again and again.
let kdfWorker: Worker | null = null;
let kdfPort: Browser.runtime.Port | null = null;
const kdfPending = new Set<number>();

function startKdfWorker(): Worker {
  const started = new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<unknown>) => {
    const reply = kdfReplySchema.safeParse(event.data);
    const raw = event.data as { key?: unknown };
    if (reply.success && kdfPending.delete(reply.data.id)) kdfPort?.postMessage(reply.data);
    if (reply.success && 'key' in reply.data) reply.data.key.fill(0);
    if (Array.isArray(raw.key)) raw.key.fill(0);
  };
  started.onerror = () => {
    started.terminate();
    if (kdfWorker === started) kdfWorker = null;
    for (const id of kdfPending) kdfPort?.postMessage({ id, failed: true } satisfies KdfReply);
    kdfPending.clear();
  };
  return started;
}

function connectKdf(): void {
  const port = browser.runtime.connect({ name: KDF_PORT });
  kdfPort = port;
  port.onMessage.addListener((message: unknown) => {
    const request = kdfRequestSchema.safeParse(message);
    if (!request.success) return;
    kdfWorker ??= startKdfWorker();
    kdfPending.add(request.data.id);
    kdfWorker.postMessage(request.data);
  });
  port.onDisconnect.addListener(() => {
    if (kdfPort === port) kdfPort = null;
    // Answers to a background that is gone have nowhere to go; its derivations already failed there.
    kdfPending.clear();
  });
}
connectKdf();
