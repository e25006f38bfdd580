/** siteOf, domainTag, domainTags: registrable domains via the public suffix list, keyed tags that hide the domain (S1, T07). */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { IndexKey } from '../../../lib/crypto/keys';
import { domainTag, domainTags, siteOf } from '../../../lib/vault/records/blind-index';

describe('siteOf', () => {
  it.each([
    ['https://accounts.example.co.uk/login', 'example.co.uk'],
    ['https://www.example.co.uk/', 'example.co.uk'],
    ['https://a.b.c.example.com/x?y#z', 'example.com'],
    ['HTTPS://WWW.Example.COM/', 'example.com'],
    ['https://user:pw@site.example.org:8443/p', 'example.org'],
    ['example.com', 'example.com'],
    ['mail.example.com/inbox', 'example.com'],
    // Private suffixes (github.io) count as public ones: two users' pages are two sites.
    ['https://alice.github.io/app', 'alice.github.io'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['http://192.168.1.10:8080/router', '192.168.1.10'],
    ['https://127.0.0.1/', '127.0.0.1'],
    ['http://[2001:db8::1]:8443/', '2001:db8::1'],
  ])('IP address %s → the address itself (%s)', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['http://localhost:5173/', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['http://nas/', 'nas'],
  ])('single-label host %s → the host itself (%s)', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each(['', '   ', 'https://', 'not a url', 'file:///etc/passwd', 'about:blank', 'data:text/html,<p>x', 'javascript:alert(1)', 'ftp://example.com/'])('no web host in %j → null', (url) => {
    expect(siteOf(url)).toBeNull();
  });
});

describe('domainTag', () => {
  const key = generateKey<IndexKey>();

  it('is 64 hex characters (HMAC-SHA256), deterministic for one key and site', () => {
    expect(domainTag(key, 'example.com')).toMatch(/^[0-9a-f]{64}$/);
    expect(domainTag(key, 'example.com')).toBe(domainTag(key, 'example.com'));
  });

  it('S1/T07: differs per site and per vault (index key), and does not contain the domain', () => {
    expect(domainTag(key, 'example.com')).not.toBe(domainTag(key, 'example.org'));
    expect(domainTag(key, 'example.com')).not.toBe(domainTag(generateKey<IndexKey>(), 'example.com'));
    expect(domainTag(key, 'example.com')).not.toContain('example');
    expect(domainTag(key, 'example.com')).not.toContain(Buffer.from('example').toString('hex'));
  });
});

describe('domainTags', () => {
  const key = generateKey<IndexKey>();

  it('deduplicates URLs of one site and skips URLs without a host', () => {
    const tags = domainTags(key, ['https://a.example.com/login', 'https://b.example.com/', '', 'not a url', 'https://other.test/']);
    expect(tags).toEqual([domainTag(key, 'example.com'), domainTag(key, 'other.test')]);
  });

  it('no URLs → no tags', () => {
    expect(domainTags(key, [])).toEqual([]);
  });
});
