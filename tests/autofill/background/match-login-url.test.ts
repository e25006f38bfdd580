/** matchLoginUrl: the matching table (S7, T17, T20): origins, opt-in domains, groups, http/https, IPs, ports, localhost. */
import { describe, expect, it } from 'vitest';
import { matchLoginUrl, type MatchKind } from '../../../lib/autofill/background/match-login-url';
import { parseCredentialGroups } from '../../../lib/autofill/background/parse-credential-groups';

const groups = parseCredentialGroups([
  { shared: ['safeway.com', 'vons.com'] },
  { from: ['a2hosting.com'], to: ['hosting.com'] },
]);

type Row = [saved: string, mode: 'origin' | 'domain', page: string, expected: MatchKind | null];

const table: Row[] = [
  // Exact origin (the default).
  ['https://accounts.example.com/login', 'origin', 'https://accounts.example.com/other?x=1', 'origin'],
  ['https://accounts.example.com', 'origin', 'https://dev.example.com/', null],
  ['https://example.com', 'origin', 'https://www.example.com/', null],
  ['accounts.example.com', 'origin', 'https://accounts.example.com/', 'origin'],
  ['https://EXAMPLE.com', 'origin', 'https://example.com/', 'origin'],
  // Opt-in registrable domain: any host of the site, never another site or a look-alike.
  ['https://accounts.example.com', 'domain', 'https://dev.example.com/', 'domain'],
  ['https://accounts.example.co.uk', 'domain', 'https://shop.example.co.uk/', 'domain'],
  ['https://example.com', 'domain', 'https://example.com.evil.net/', null],
  ['https://example.com', 'domain', 'https://notexample.com/', null],
  ['https://a.github.io', 'domain', 'https://b.github.io/', null],
  // T17: https never on http, whatever the mode; http may go to https on the same host and default ports.
  ['https://example.com', 'origin', 'http://example.com/', null],
  ['https://example.com', 'domain', 'http://www.example.com/', null],
  ['https://safeway.com', 'origin', 'http://vons.com/', null],
  ['http://example.com', 'origin', 'https://example.com/', 'origin'],
  ['http://example.com', 'origin', 'http://example.com/', 'origin'],
  ['http://example.com:8080', 'origin', 'https://example.com:8080/', null],
  // Ports: part of the origin; the domain mode ignores them.
  ['https://example.com:8443', 'origin', 'https://example.com/', null],
  ['https://example.com:443', 'origin', 'https://example.com/', 'origin'],
  ['https://example.com:8443', 'domain', 'https://example.com/', 'domain'],
  // IP addresses: the address is the site; origin needs the same port.
  ['http://127.0.0.1:5000/login', 'origin', 'http://127.0.0.1:5000/', 'origin'],
  ['http://127.0.0.1:5000', 'origin', 'http://127.0.0.1:5001/', null],
  ['http://127.0.0.1:5000', 'domain', 'http://127.0.0.1:5001/', 'domain'],
  ['https://127.0.0.1:5000', 'origin', 'http://127.0.0.1:5000/', null],
  ['http://127.0.0.1:5000', 'domain', 'http://127.0.0.2:5000/', null],
  ['http://192.168.1.10', 'origin', 'http://192.168.1.10/admin', 'origin'],
  ['192.168.1.10:8080', 'origin', 'https://192.168.1.10:8080/', 'origin'],
  // localhost.
  ['http://localhost:3000', 'origin', 'http://localhost:3000/app', 'origin'],
  ['localhost:3000', 'origin', 'http://localhost:3000/', null],
  ['http://localhost:3000', 'origin', 'http://localhost:3001/', null],
  ['http://localhost:3000', 'domain', 'http://localhost:5173/', 'domain'],
  // Shared-credential groups: both ways for "shared", one way for from → to.
  ['https://www.safeway.com', 'origin', 'https://www.vons.com/', 'group'],
  ['https://www.vons.com', 'origin', 'https://safeway.com/', 'group'],
  ['https://a2hosting.com', 'origin', 'https://my.hosting.com/', 'group'],
  ['https://hosting.com', 'origin', 'https://a2hosting.com/', null],
  // Not web addresses.
  ['ftp://example.com', 'origin', 'https://example.com/', null],
  ['javascript:alert(1)', 'origin', 'https://example.com/', null],
  ['', 'origin', 'https://example.com/', null],
  ['https://example.com', 'origin', 'about:blank', null],
  ['https://example.com', 'origin', 'file:///etc/passwd', null],
  ['https://example.com', 'origin', 'not a url', null],
];

describe('matchLoginUrl', () => {
  it.each(table)('%s (%s) on %s → %s', (saved, mode, page, expected) => {
    expect(matchLoginUrl(saved, mode, page, groups)).toBe(expected);
  });
});
