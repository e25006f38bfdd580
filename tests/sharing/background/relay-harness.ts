/**
 * The real relay (relay/create-app over an in-memory SQLite store) reached through a fetch shim instead
 * of a socket, so the extension's relay client, request signing and the relay's checks all run for real
 * in unit tests. The shim can go offline, and a `tamper` layer can rewrite requests and answers: the
 * malicious relay of the S6 suite.
 */
import { createApp } from '../../../relay/create-app';
import { DEFAULT_LIMITS } from '../../../relay/relay-deps';
import type { RelayStore } from '../../../relay/store/relay-store';
import { openSqliteStore } from '../../../relay/store/sqlite-store';

/** Base URL the services are set up with; the shim never resolves it. */
export const RELAY_URL = 'http://relay.test';

/** Rewrites one exchange; return a Response to answer instead of the real relay, or undefined to pass it on. */
export type Tamper = (request: Request, forward: (request: Request) => Promise<Response>) => Promise<Response | undefined>;

export interface TestRelay {
  store: RelayStore;
  /** The fetch the services use. */
  fetch: typeof fetch;
  /** While false, every call fails as a network error would (the client reports `offline`). */
  online: boolean;
  /** The malicious layer, if any, in front of the real relay. */
  tamper: Tamper | null;
  /** Every request that reached the shim: method, path and body text (what the relay could record). */
  seen: { method: string; path: string; body: string }[];
}

/**
 * @param clock - shared with the services, so signed times agree
 * @param filename - a SQLite file to dump afterwards (T07); in memory by default
 */
export async function startTestRelay(clock: { now: number }, filename = ':memory:'): Promise<TestRelay> {
  const store = openSqliteStore(filename);
  await store.migrate();
  const app = createApp({ store, now: () => clock.now, limits: { ...DEFAULT_LIMITS, perAddressPerMinute: 100_000, perIdentityPerMinute: 100_000 }, clientAddress: () => '127.0.0.1' });
  const forward = async (request: Request) => app.request(request);
  const relay: TestRelay = {
    store,
    online: true,
    tamper: null,
    seen: [],
    fetch: async (input, init) => {
      if (!relay.online) throw new TypeError('fetch failed');
      const request = new Request(input, init);
      const url = new URL(request.url);
      relay.seen.push({ method: request.method, path: url.pathname + url.search, body: request.method === 'GET' ? '' : await request.clone().text() });
      const tampered = relay.tamper ? await relay.tamper(request, forward) : undefined;
      return tampered ?? forward(request);
    },
  };
  return relay;
}

/** Records the expiry alarm the handlers arm, as the browser would hold it. */
export class RecordingExpiryAlarm {
  at: number | null = null;
  async scheduleExpiry(at: number | null): Promise<void> {
    this.at = at;
  }
}
