/**
 * The background's end of one port to the offscreen document (the strength scorer's, the KDF's): requests carry an
 * id and wait for the reply with that id. The port is accepted only from our own offscreen page (T21): a content
 * script, another page or another extension that connects with the same name is cut off and is never sent anything.
 * When Chrome stops the service worker the offscreen page outlives it and its port goes; the next request asks the
 * page for a new one (`connectMessage`, which carries no secret). A dropped port, a malformed reply or a timeout
 * rejects what waits, so each caller can fall back or report.
 */
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod';
import { ensureOffscreenDocument, OFFSCREEN_PATH } from './offscreen-document';
import { fromOurOffscreenPage, withTimeout } from './offscreen-port';

/** How long the offscreen document may take to load and connect, in ms (the scorer loads its dictionaries lazily). */
const CONNECT_TIMEOUT_MS = 10_000;

type Port = Browser.runtime.Port;

/** What one channel is: its port's name and wire, and how its failures read. */
export interface OffscreenChannelOptions<Reply extends { id: number }> {
  portName: string;
  /** Background → offscreen page (a runtime message, no secret in it): connect a new port if yours is gone. */
  connectMessage: { target: 'offscreen'; type: string };
  replySchema: z.ZodType<Reply>;
  /** Starts every error message, e.g. "the offscreen KDF" → "the offscreen KDF disconnected". */
  label: string;
  /** Called with each raw message once it is parsed, to zero what it carried (the KDF's key bytes, S4). */
  wipe?: (message: unknown) => void;
}

/** Requests over the channel. */
export interface OffscreenChannel<Reply> {
  /**
   * Sends `body` with a fresh `id` and waits for the reply with that id.
   * @param timeoutMs - how long the reply may take, in ms
   * @returns the reply, or null where this browser has no offscreen documents (Firefox)
   * @throws Error when the document does not start or connect, the port drops, a reply is malformed, or the time is up
   */
  request(body: Record<string, unknown>, timeoutMs: number): Promise<Reply | null>;
}

/**
 * Listens for the channel's port from now on (call once per channel, at service-worker start).
 * @returns the channel, which creates the offscreen document on first use
 */
export function createOffscreenChannel<Reply extends { id: number }>(options: OffscreenChannelOptions<Reply>): OffscreenChannel<Reply> {
  const { portName, connectMessage, replySchema, label, wipe } = options;
  let port: Port | null = null;
  let waitingForPort: ((port: Port) => void)[] = [];
  let nextId = 0;
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  const offscreenUrl = browser.runtime.getURL(OFFSCREEN_PATH);

  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(`${label} ${reason}`));
    pending.clear();
  };

  browser.runtime.onConnect.addListener((candidate) => {
    if (candidate.name !== portName) return;
    // T21: only our offscreen page; a content script's port names a tab, another page or extension its own URL or id.
    if (!fromOurOffscreenPage(candidate, browser.runtime.id, offscreenUrl)) {
      candidate.disconnect();
      return;
    }
    port?.disconnect();
    port = candidate;
    candidate.onMessage.addListener((message: unknown) => {
      const reply = replySchema.safeParse(message);
      wipe?.(message);
      // Not an answer we can read, so everything waiting on this port fails now rather than at its timeout.
      if (!reply.success) return failAll('sent a malformed answer');
      const call = pending.get(reply.data.id);
      if (!call) return;
      pending.delete(reply.data.id);
      call.resolve(reply.data);
    });
    candidate.onDisconnect.addListener(() => {
      if (port === candidate) port = null;
      failAll('disconnected');
    });
    for (const resolve of waitingForPort) resolve(candidate);
    waitingForPort = [];
  });

  const connected = async (): Promise<Port | null> => {
    if (port) return port;
    if (!(await ensureOffscreenDocument())) return null;
    if (port) return port;
    const arrives = new Promise<Port>((resolve) => waitingForPort.push(resolve));
    // A page that outlived an earlier service worker lost its port with it: ask it for a new one. A page still
    // loading connects by itself; until its listener exists the message finds no receiver, which is fine.
    browser.runtime.sendMessage(connectMessage).catch(() => undefined);
    return withTimeout(arrives, CONNECT_TIMEOUT_MS, `${label} did not connect`);
  };

  return {
    async request(body, timeoutMs) {
      const target = await connected();
      if (!target) return null;
      const id = nextId++;
      const answer = new Promise<Reply>((resolve, reject) => pending.set(id, { resolve, reject }));
      target.postMessage({ ...body, id });
      return withTimeout(answer, timeoutMs, `${label} timed out`).finally(() => pending.delete(id));
    },
  };
}
