/**
 * createOffscreenScorer over a hand-made browser (ports, offscreen documents): batches go to the offscreen page's
 * port and come back checked; a port from anyone else gets nothing (T21); a bad reply or a dropped port rejects,
 * so the scoring queue scores in place.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakePort {
  name: string;
  sender: { id: string; url: string; tab?: { id: number } };
  posted: unknown[];
  disconnected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  /** The other end sends `message`. */
  receive(message: unknown): void;
  /** The other end goes away. */
  drop(): void;
}

const EXTENSION_ID = 'abcdefghijklmnop';
const OFFSCREEN_URL = `chrome-extension://${EXTENSION_ID}/offscreen.html`;

const fake = vi.hoisted(() => ({
  connectListeners: [] as ((port: unknown) => void)[],
  documents: 0,
  created: 0,
  /** What the offscreen page does once created: connect a port that answers with `answer`. */
  onCreate: (() => undefined) as () => void,
  /** Runtime messages the background sent, and what the offscreen page does on one. */
  sent: [] as unknown[],
  onSend: (() => undefined) as () => void,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'abcdefghijklmnop',
      getURL: (path: string) => `chrome-extension://abcdefghijklmnop${path}`,
      onConnect: { addListener: (listener: (port: unknown) => void) => fake.connectListeners.push(listener) },
      sendMessage: async (message: unknown) => {
        fake.sent.push(message);
        fake.onSend();
      },
      getContexts: async () => Array.from({ length: fake.documents }, () => ({})),
    },
    offscreen: {
      createDocument: async () => {
        fake.created++;
        fake.documents = 1;
        fake.onCreate();
      },
    },
  },
}));

const { createOffscreenScorer } = await import('../../lib/browser/offscreen-scorer');
const { SCORER_PORT } = await import('../../lib/health/scoring/scorer-wire');

function makePort(name: string, sender: FakePort['sender'], answer?: (port: FakePort, message: unknown) => void): FakePort {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port: FakePort = {
    name,
    sender,
    posted: [],
    disconnected: false,
    postMessage(message) {
      port.posted.push(message);
      answer?.(port, message);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
    receive: (message) => messageListeners.forEach((listener) => listener(message)),
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
  return port;
}

const connect = (port: FakePort) => fake.connectListeners.forEach((listener) => listener(port));

/** The offscreen page's port: answers every batch with `scores` (default: each password's length mod 5). */
function offscreenPort(reply?: (request: { id: number; passwords: string[] }) => unknown): FakePort {
  return makePort(SCORER_PORT, { id: EXTENSION_ID, url: OFFSCREEN_URL }, (port, message) => {
    const request = message as { id: number; passwords: string[] };
    queueMicrotask(() => port.receive(reply ? reply(request) : { id: request.id, scores: request.passwords.map((p) => p.length % 5) }));
  });
}

beforeEach(() => {
  fake.connectListeners.length = 0;
  fake.documents = 0;
  fake.created = 0;
  fake.onCreate = () => undefined;
  fake.sent.length = 0;
  fake.onSend = () => undefined;
});

describe('createOffscreenScorer', () => {
  it('creates the offscreen document once, even for two batches at once, and returns the scores in order', async () => {
    const scorer = createOffscreenScorer();
    fake.onCreate = () => queueMicrotask(() => connect(offscreenPort()));
    const [first, second] = await Promise.all([scorer.score(['a', 'abcd']), scorer.score(['abc'])]);
    expect(first).toEqual([1, 4]);
    expect(second).toEqual([3]);
    expect(fake.created).toBe(1);
  });

  it('T21: a port named like the scorer from a content script or another page is cut off and never gets a password', async () => {
    const scorer = createOffscreenScorer();
    const fromTab = makePort(SCORER_PORT, { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 7 } });
    const fromOtherPage = makePort(SCORER_PORT, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
    const fromOtherExtension = makePort(SCORER_PORT, { id: 'zzzzzzzzzzzzzzzz', url: OFFSCREEN_URL });
    for (const port of [fromTab, fromOtherPage, fromOtherExtension]) connect(port);
    fake.onCreate = () => queueMicrotask(() => connect(offscreenPort()));
    expect(await scorer.score(['secret-password'])).toEqual([0]);
    for (const port of [fromTab, fromOtherPage, fromOtherExtension]) {
      expect(port.disconnected).toBe(true);
      expect(port.posted).toEqual([]);
    }
  });

  it('a malformed reply, a wrong count or a failure rejects (the queue then scores in place)', async () => {
    const replies: ((request: { id: number; passwords: string[] }) => unknown)[] = [
      (r) => ({ id: r.id, scores: [9] }),
      (r) => ({ id: r.id, scores: [] }),
      (r) => ({ id: r.id, failed: true }),
    ];
    for (const reply of replies) {
      fake.connectListeners.length = 0;
      const scorer = createOffscreenScorer();
      const port = offscreenPort(reply);
      connect(port);
      const outcome = scorer.score(['x']);
      if (reply === replies[0]) {
        // Ignored as not ours; the port then goes away, which rejects what waits.
        await Promise.resolve();
        port.drop();
      }
      await expect(outcome).rejects.toThrow(/offscreen scorer/);
    }
  });

  it('asks an offscreen page that outlived the service worker for a new port, with no password in the request', async () => {
    fake.documents = 1;
    const scorer = createOffscreenScorer();
    fake.onSend = () => queueMicrotask(() => connect(offscreenPort()));
    expect(await scorer.score(['abcd'])).toEqual([4]);
    expect(fake.sent).toEqual([{ target: 'offscreen', type: 'scorer-connect' }]);
    expect(fake.created).toBe(0);
  });

  it('a dropped port rejects the batches that wait, and the next batch waits for a new connection', async () => {
    const scorer = createOffscreenScorer();
    const silent = makePort(SCORER_PORT, { id: EXTENSION_ID, url: OFFSCREEN_URL });
    connect(silent);
    fake.documents = 1;
    const waiting = scorer.score(['abc']);
    await Promise.resolve();
    silent.drop();
    await expect(waiting).rejects.toThrow('offscreen scorer disconnected');
    const next = scorer.score(['ab']);
    connect(offscreenPort());
    expect(await next).toEqual([2]);
  });
});
