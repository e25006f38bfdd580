/**
 * The background's end of the offscreen Argon2id (issue 15, decision 5): the master password goes over a port to
 * the offscreen document, whose worker derives the key (openpgp's SIMD `argon2id`, checked on the RFC 9106 vector
 * first), and the 32-byte key comes back; the service worker stays free for messages meanwhile. The port is
 * accepted only from our offscreen page (T21): a content script or another page that connects with the same name
 * is cut off and is never sent a password. Where there are no offscreen documents the deriver answers null and
 * hash-wasm runs in place (lib/crypto/derive-master-key); any other failure (the document not starting or not
 * connecting, a worker error, a dropped port, a malformed answer) rejects, which unlock reports as a clear error.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Argon2idDeriver } from '../crypto/derive-master-key';
import type { KdfParams } from '../crypto/kdf-params';
import { KDF_CONNECT_MESSAGE, KDF_PORT, kdfReplySchema, type KdfReply } from './kdf-wire';
import { ensureOffscreenDocument, OFFSCREEN_PATH } from './offscreen-document';
import { fromOurOffscreenPage, withTimeout } from './offscreen-port';

/** How long the offscreen document may take to load and connect, in ms. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long one derivation may take, in ms: about 0.3 s alone at 64 MiB, far more on a busy machine or at the ceiling. */
const DERIVE_TIMEOUT_MS = 120_000;

type Port = Browser.runtime.Port;

/**
 * Listens for the offscreen document's KDF port (from now on: call once, at service-worker start).
 * @returns a deriver that creates the document on first use
 */
export function createOffscreenKdf(): Argon2idDeriver {
  let port: Port | null = null;
  let waitingForPort: ((port: Port) => void)[] = [];
  let nextId = 0;
  const pending = new Map<number, { resolve: (reply: KdfReply) => void; reject: (error: Error) => void }>();
  const offscreenUrl = browser.runtime.getURL(OFFSCREEN_PATH);

  browser.runtime.onConnect.addListener((candidate) => {
    if (candidate.name !== KDF_PORT) return;
    // T21: only our offscreen page; a content script's port names a tab, another page names its own URL.
    if (!fromOurOffscreenPage(candidate, browser.runtime.id, offscreenUrl)) {
      candidate.disconnect();
      return;
    }
    port?.disconnect();
    port = candidate;
    candidate.onMessage.addListener((message: unknown) => {
      const reply = kdfReplySchema.safeParse(message);
      if (!reply.success) {
        // Not an answer we can read, so every derivation waiting on this port fails now rather than at its timeout.
        failAll('the offscreen KDF sent a malformed answer');
        return;
      }
      // The port's own parsed copy of the key bytes is zeroed too: only the caller's key is left to wipe (S4).
      const raw = message as { key?: unknown };
      if (Array.isArray(raw.key)) raw.key.fill(0);
      const call = pending.get(reply.data.id);
      if (!call) return;
      pending.delete(reply.data.id);
      call.resolve(reply.data);
    });
    candidate.onDisconnect.addListener(() => {
      if (port === candidate) port = null;
      failAll('the offscreen KDF disconnected');
    });
    for (const resolve of waitingForPort) resolve(candidate);
    waitingForPort = [];
  });

  function failAll(reason: string): void {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  }

  /** @returns the port, or null where this browser has no offscreen documents */
  const connected = async (): Promise<Port | null> => {
    if (port) return port;
    if (!(await ensureOffscreenDocument())) return null;
    if (port) return port;
    const arrives = new Promise<Port>((resolve) => waitingForPort.push(resolve));
    // A page that outlived an earlier service worker lost its port with it: ask it for a new one. A page still
    // loading connects by itself; until its listener exists the message finds no receiver, which is fine.
    browser.runtime.sendMessage(KDF_CONNECT_MESSAGE).catch(() => undefined);
    return withTimeout(arrives, CONNECT_TIMEOUT_MS, 'the offscreen KDF did not connect');
  };

  return {
    async derive(password: string, params: KdfParams) {
      const target = await connected();
      if (!target) return null;
      const id = nextId++;
      const answer = new Promise<KdfReply>((resolve, reject) => pending.set(id, { resolve, reject }));
      target.postMessage({ id, password, salt: [...params.salt], m: params.m, t: params.t, p: params.p });
      const reply = await withTimeout(answer, DERIVE_TIMEOUT_MS, 'the offscreen KDF timed out').finally(() => pending.delete(id));
      if ('failed' in reply) throw new Error('the offscreen KDF failed');
      const key = Uint8Array.from(reply.key);
      reply.key.fill(0);
      return key;
    },
  };
}
