/**
 * The opt-in online breach check against a local server speaking Have I Been Pwned's range protocol
 * (issue 17): only 5-hex SHA-1 prefixes leave, with `Add-Padding: true`; padding (count 0) never counts as
 * breached; each prefix is asked once; a broken or absent service is reported, never read as "not breached".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkPwnedRanges, type RangeCache } from '../../lib/health/check-pwned-ranges';
import { passwordSha1 } from '../../lib/vault/records/password-sha1';
import { startRangeServer, type RangeServer } from './range-server';

const BREACHED = 'password1';
const CLEAN = 'Vq7#notInAnyList-2026!';
let server: RangeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('checkPwnedRanges', () => {
  it('finds the breached password with its count; sends only 5-hex prefixes, asks for padding', async () => {
    server = await startRangeServer(new Map([[passwordSha1(BREACHED), 2_413_945]]));
    const hashes = [passwordSha1(BREACHED), passwordSha1(CLEAN)];
    const check = await checkPwnedRanges(hashes, server.rangeUrl, new Map());
    expect(check).toEqual({ counts: new Map([[passwordSha1(BREACHED), 2_413_945]]), asked: 2, failed: 0, error: null });
    expect(server.requests.map((r) => r.path).sort()).toEqual(hashes.map((h) => `/range/${h.slice(0, 5)}`).sort());
    for (const { path, headers } of server.requests) {
      expect(path).toMatch(/^\/range\/[0-9A-F]{5}$/);
      expect(headers['add-padding']).toBe('true');
      // Nothing else about the password travels: no cookie, no referrer, no longer hash anywhere in the request.
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(passwordSha1(BREACHED).slice(5, 15));
    }
  });

  it('asks each prefix once, also across calls with the same cache', async () => {
    server = await startRangeServer(new Map());
    const same = passwordSha1(CLEAN);
    const cache: RangeCache = new Map();
    await checkPwnedRanges([same, same, same], server.rangeUrl, cache);
    await checkPwnedRanges([same], server.rangeUrl, cache);
    expect(server.requests).toHaveLength(1);
  });

  it('a suffix listed with count 0 (padding) is not breached', async () => {
    server = await startRangeServer(new Map([[passwordSha1(CLEAN), 0]]));
    expect((await checkPwnedRanges([passwordSha1(CLEAN)], server.rangeUrl, new Map())).counts.size).toBe(0);
  });

  it('a mirror address without the final "/" works the same', async () => {
    server = await startRangeServer(new Map([[passwordSha1(BREACHED), 3]]));
    const check = await checkPwnedRanges([passwordSha1(BREACHED)], server.rangeUrl.slice(0, -1), new Map());
    expect(check.counts.get(passwordSha1(BREACHED))).toBe(3);
  });

  it('a refusal or an answer that is not the range format is reported, and nothing is cached', async () => {
    server = await startRangeServer(new Map([[passwordSha1(BREACHED), 3]]));
    const cache: RangeCache = new Map();
    server.misbehave = { status: 503, body: 'busy' };
    let check = await checkPwnedRanges([passwordSha1(BREACHED)], server.rangeUrl, cache);
    expect(check).toMatchObject({ asked: 1, failed: 1, error: expect.stringContaining('HTTP 503') });
    server.misbehave = { body: '<html>Welcome to the captive portal</html>' };
    check = await checkPwnedRanges([passwordSha1(BREACHED)], server.rangeUrl, cache);
    expect(check).toMatchObject({ failed: 1, error: expect.stringContaining('range format') });
    expect(cache.size).toBe(0);
    server.misbehave = null;
    expect((await checkPwnedRanges([passwordSha1(BREACHED)], server.rangeUrl, cache)).counts.get(passwordSha1(BREACHED))).toBe(3);
  });

  it('a service that does not answer at all is reported with its host', async () => {
    server = await startRangeServer(new Map());
    const url = server.rangeUrl;
    await server.close();
    server = undefined;
    const check = await checkPwnedRanges([passwordSha1(CLEAN)], url, new Map());
    expect(check).toMatchObject({ counts: new Map(), failed: 1, error: expect.stringContaining(new URL(url).host) });
  });
});
