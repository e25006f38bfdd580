/** CORS: the extension's background (chrome-extension:// or moz-extension://) may call the relay and read Retry-After. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ENVELOPES_PATH, HEALTH_PATH, MAILBOX_PATH } from '../../lib/relay-protocol/relay-paths';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import type { RelayStore } from '../../relay/store/relay-store';
import { testApp } from './fixtures';

let store: RelayStore;
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b7d1c2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e'])(
  'answers a preflight from %s allowing the Sealpass headers',
  async (origin) => {
    const { app } = testApp(store);
    const response = await app.request(ENVELOPES_PATH, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,sealpass-signature' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    for (const header of ['Content-Type', 'Sealpass-Handle', 'Sealpass-Time', 'Sealpass-Nonce', 'Sealpass-Signature']) {
      expect(response.headers.get('access-control-allow-headers')).toContain(header);
    }
  },
);

it('puts the CORS headers on answers and refusals alike, exposes Retry-After, never allows credentials', async () => {
  const { app } = testApp(store, { limits: { perAddressPerMinute: 2 } });
  const origin = { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
  const answers = [
    await app.request(HEALTH_PATH, { headers: origin }),
    await app.request(MAILBOX_PATH, { headers: origin }),
    await app.request(HEALTH_PATH, { headers: origin }),
    await app.request('/v1/nowhere', { headers: origin }),
  ];
  expect(answers.map((response) => response.status)).toEqual([200, 401, 429, 429]);
  for (const response of answers) {
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  }
});

it('answers a preflight without counting it against the address', async () => {
  const { app } = testApp(store, { limits: { perAddressPerMinute: 1 } });
  for (let i = 0; i < 3; i++) expect((await app.request(HEALTH_PATH, { method: 'OPTIONS' })).status).toBe(204);
  expect((await app.request(HEALTH_PATH)).status).toBe(200);
});
