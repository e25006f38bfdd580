/**
 * createOffscreenKdf over a hand-made browser (ports, offscreen documents): the password goes to the offscreen
 * page's port only, the key comes back and the parsed copy is zeroed; a port named like the KDF one from anyone
 * else gets nothing (T21); no offscreen API means null (hash-wasm in place); a document that fails to start, a
 * failure answer, a malformed answer or a dropped port rejects.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultKdfParams } from '../crypto/fixtures';

interface FakePort {
  name: string;
  sender: { id: string; url: string; tab?: { id: number } };
  posted: unknown[];
  disconnected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  receive(message: unknown): void;
  drop(): void;
}

const EXTENSION_ID = 'abcdefghijklmnop';
const OFFSCREEN_URL = `chrome-extension://${EXTENSION_ID}/offscreen.html`;
const PASSWORD = 'correct horse battery staple';

const fake = vi.hoisted(() => ({
  connectListeners: [] as ((port: unknown) => void)[],
  documents: 0,
  created: 0,
  hasOffscreen: true,
  createFails: false,
  onCreate: (() => undefined) as () => void,
  sent: [] as unknown[],
  onSend: (() => undefined) as () => void,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'abcdefghijklmnop',
      getURL: (path: string) => `chrome-extension://abcdefghijklmnop${path}`,
      onConnect: { addListener: (listener: (port: unknown) => void) => fake.connectListeners.push(listener) },
      getContexts: async () => Array.from({ length: fake.documents }, () => ({})),
      sendMessage: async (message: unknown) => {
        fake.sent.push(message);
        fake.onSend();
      },
    },
    get offscreen() {
      if (!fake.hasOffscreen) return undefined;
      return {
        createDocument: async () => {
          fake.created++;
          if (fake.createFails) throw new Error('Offscreen document failed to load');
          fake.documents = 1;
          fake.onCreate();
        },
      };
    },
  },
}));

const { createOffscreenKdf } = await import('../../lib/browser/offscreen-kdf');
const { KDF_PORT } = await import('../../lib/browser/kdf-wire');

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

/** The offscreen page's port: answers with `reply(request)` (default: 32 bytes of 7). */
function offscreenPort(reply: (request: { id: number }) => unknown = (r) => ({ id: r.id, key: Array(32).fill(7) })): FakePort {
  return makePort(KDF_PORT, { id: EXTENSION_ID, url: OFFSCREEN_URL }, (port, message) => {
    queueMicrotask(() => port.receive(reply(message as { id: number })));
  });
}

beforeEach(() => {
  fake.connectListeners.length = 0;
  fake.documents = 0;
  fake.created = 0;
  fake.hasOffscreen = true;
  fake.createFails = false;
  fake.onCreate = () => undefined;
  fake.sent.length = 0;
  fake.onSend = () => undefined;
});

describe('createOffscreenKdf', () => {
  it('creates the offscreen document once, sends the password and parameters, and returns the key', async () => {
    const kdf = createOffscreenKdf();
    let page: FakePort | undefined;
    fake.onCreate = () => queueMicrotask(() => connect((page = offscreenPort())));
    const params = defaultKdfParams();
    const [first, second] = await Promise.all([kdf.derive(PASSWORD, params), kdf.derive(PASSWORD, params)]);
    expect(first).toEqual(new Uint8Array(32).fill(7));
    expect(second).toEqual(new Uint8Array(32).fill(7));
    expect(fake.created).toBe(1);
    expect(page?.posted[0]).toEqual({ id: 0, password: PASSWORD, salt: [...params.salt], m: params.m, t: params.t, p: params.p });
  });

  it('zeroes the array the port delivered once the key is copied out (S4)', async () => {
    const delivered = Array(32).fill(9);
    const kdf = createOffscreenKdf();
    connect(offscreenPort((r) => ({ id: r.id, key: delivered })));
    fake.documents = 1;
    expect(await kdf.derive(PASSWORD, defaultKdfParams())).toEqual(new Uint8Array(32).fill(9));
    expect(delivered).toEqual(Array(32).fill(0));
  });

  it('T21: a port named like the KDF one from a content script, another page or another extension is cut off and never gets the password', async () => {
    const kdf = createOffscreenKdf();
    const fromTab = makePort(KDF_PORT, { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 7 } });
    const fromContentScriptWithOurUrl = makePort(KDF_PORT, { id: EXTENSION_ID, url: OFFSCREEN_URL, tab: { id: 8 } });
    const fromOtherPage = makePort(KDF_PORT, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
    const fromOtherExtension = makePort(KDF_PORT, { id: 'zzzzzzzzzzzzzzzz', url: OFFSCREEN_URL });
    const attackers = [fromTab, fromContentScriptWithOurUrl, fromOtherPage, fromOtherExtension];
    for (const port of attackers) connect(port);
    fake.onCreate = () => queueMicrotask(() => connect(offscreenPort()));
    expect(await kdf.derive(PASSWORD, defaultKdfParams())).toEqual(new Uint8Array(32).fill(7));
    for (const port of attackers) {
      expect(port.disconnected).toBe(true);
      expect(port.posted).toEqual([]);
    }
    expect(fake.created).toBe(1);
  });

  it('asks an offscreen page that outlived the service worker for a new port, with no password in the request', async () => {
    fake.documents = 1;
    const kdf = createOffscreenKdf();
    fake.onSend = () => queueMicrotask(() => connect(offscreenPort()));
    expect(await kdf.derive(PASSWORD, defaultKdfParams())).toEqual(new Uint8Array(32).fill(7));
    expect(fake.sent).toEqual([{ target: 'offscreen', type: 'kdf-connect' }]);
    expect(fake.created).toBe(0);
  });

  it('answers null where there are no offscreen documents (Firefox), so hash-wasm runs in place', async () => {
    fake.hasOffscreen = false;
    const kdf = createOffscreenKdf();
    expect(await kdf.derive(PASSWORD, defaultKdfParams())).toBeNull();
  });

  it('a document that fails to start rejects, and nothing is posted anywhere', async () => {
    fake.createFails = true;
    const kdf = createOffscreenKdf();
    await expect(kdf.derive(PASSWORD, defaultKdfParams())).rejects.toThrow('Offscreen document failed to load');
  });

  it('a worker failure, a malformed answer or a dropped port rejects', async () => {
    const outcomes: Promise<unknown>[] = [];
    const failing = createOffscreenKdf();
    connect(offscreenPort((r) => ({ id: r.id, failed: true })));
    fake.documents = 1;
    outcomes.push(expect(failing.derive(PASSWORD, defaultKdfParams())).rejects.toThrow('the offscreen KDF failed'));

    fake.connectListeners.length = 0;
    const malformed = createOffscreenKdf();
    connect(offscreenPort((r) => ({ id: r.id, key: 'not bytes' })));
    outcomes.push(expect(malformed.derive(PASSWORD, defaultKdfParams())).rejects.toThrow('malformed answer'));

    fake.connectListeners.length = 0;
    const dropping = createOffscreenKdf();
    const silent = makePort(KDF_PORT, { id: EXTENSION_ID, url: OFFSCREEN_URL });
    connect(silent);
    const waiting = dropping.derive(PASSWORD, defaultKdfParams());
    outcomes.push(expect(waiting).rejects.toThrow('the offscreen KDF disconnected'));
    await Promise.resolve();
    silent.drop();
    await Promise.all(outcomes);
  });

  it('passes a wrong-length key through for deriveMasterKey to refuse', async () => {
    const kdf = createOffscreenKdf();
    connect(offscreenPort((r) => ({ id: r.id, key: Array(31).fill(1) })));
    fake.documents = 1;
    expect(await kdf.derive(PASSWORD, defaultKdfParams())).toHaveLength(31);
  });
});
