/**
 * The background's end of the offscreen strength scorer (issue 15): passwords go over a port to the offscreen
 * document, whose worker runs zxcvbn-ts, so scoring an import never blocks the service worker's messages.
 * Any failure (no offscreen API, the document not connecting, a dropped port, a malformed reply) rejects, and
 * the scoring queue then scores in place (lib/health/background/score-queue).
 */
import { browser, type Browser } from 'wxt/browser';
import type { StrengthScore } from '../vault/model/overview-row';
import type { PasswordScorer } from '../health/scoring/password-scorer';
import { SCORER_PORT, scoreReplySchema } from '../health/scoring/scorer-wire';
import { ensureOffscreenDocument, OFFSCREEN_PATH } from './offscreen-document';
import { fromOurOffscreenPage, withTimeout } from './offscreen-port';

/** How long the offscreen document may take to load and connect, in ms (it loads the dictionaries lazily). */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long one batch may take, in ms: 64 passwords at up to 30 ms each, with room for a busy machine. */
const BATCH_TIMEOUT_MS = 30_000;

type Port = Browser.runtime.Port;

/**
 * Listens for the offscreen document's port (from now on: call once, at service-worker start).
 * @returns a scorer that creates the document on first use
 */
export function createOffscreenScorer(): PasswordScorer {
  let port: Port | null = null;
  let waitingForPort: ((port: Port) => void)[] = [];
  let nextId = 0;
  const pending = new Map<number, { resolve: (scores: StrengthScore[]) => void; reject: (error: Error) => void; count: number }>();
  const offscreenUrl = browser.runtime.getURL(OFFSCREEN_PATH);

  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };

  browser.runtime.onConnect.addListener((candidate) => {
    // Only our offscreen page may score: a content script's port (it can connect too) names a tab and its page.
    if (candidate.name !== SCORER_PORT) return;
    if (!fromOurOffscreenPage(candidate, browser.runtime.id, offscreenUrl)) {
      candidate.disconnect();
      return;
    }
    port?.disconnect();
    port = candidate;
    candidate.onMessage.addListener((message: unknown) => {
      const reply = scoreReplySchema.safeParse(message);
      if (!reply.success) return;
      const call = pending.get(reply.data.id);
      if (!call) return;
      pending.delete(reply.data.id);
      if ('failed' in reply.data || reply.data.scores.length !== call.count) call.reject(new Error('offscreen scorer failed'));
      else call.resolve(reply.data.scores);
    });
    candidate.onDisconnect.addListener(() => {
      if (port === candidate) port = null;
      failAll('offscreen scorer disconnected');
    });
    for (const resolve of waitingForPort) resolve(candidate);
    waitingForPort = [];
  });

  const connected = async (): Promise<Port> => {
    if (port) return port;
    if (!(await ensureOffscreenDocument())) throw new Error('no offscreen documents here');
    if (port) return port;
    return withTimeout(new Promise<Port>((resolve) => waitingForPort.push(resolve)), CONNECT_TIMEOUT_MS, 'offscreen scorer did not connect');
  };

  return {
    async score(passwords) {
      const target = await connected();
      const id = nextId++;
      const result = new Promise<StrengthScore[]>((resolve, reject) => pending.set(id, { resolve, reject, count: passwords.length }));
      target.postMessage({ id, passwords: [...passwords] });
      return withTimeout(result, BATCH_TIMEOUT_MS, 'offscreen scorer timed out').finally(() => pending.delete(id));
    },
  };
}
