/** passwordRulesFor: the quirks entry for a host, by exact host then parent domains down to the registrable domain. */
import { describe, expect, it } from 'vitest';
import quirks from '../../lib/quirks/password-rules.json';
import { passwordRulesFor } from '../../lib/quirks/password-rules-for';

const entry = (host: string): string => (quirks as Record<string, { 'password-rules': string }>)[host]!['password-rules'];

describe('passwordRulesFor', () => {
  it('finds a registrable-domain entry from the domain itself, a subdomain and a URL', () => {
    expect(passwordRulesFor('163.com')).toBe('minlength: 6; maxlength: 16;');
    expect(passwordRulesFor('reg.mail.163.com')).toBe(entry('163.com'));
    expect(passwordRulesFor('https://WWW.163.com./register?x=1')).toBe(entry('163.com'));
  });

  it('finds a subdomain entry for that host and the hosts under it, not for its parent', () => {
    expect(passwordRulesFor('account.samsung.com')).toBe(entry('account.samsung.com'));
    expect(passwordRulesFor('eu.account.samsung.com')).toBe(entry('account.samsung.com'));
    expect(passwordRulesFor('samsung.com')).toBeNull();
  });

  it('never looks above the registrable domain (a public suffix is not a site)', () => {
    // access.service.gov.uk has an entry; service.gov.uk is a public suffix, so other.service.gov.uk is another site.
    expect(passwordRulesFor('access.service.gov.uk')).toBe(entry('access.service.gov.uk'));
    expect(passwordRulesFor('other.service.gov.uk')).toBeNull();
  });

  it('gives null for unknown sites, IP addresses, localhost and input without a host', () => {
    expect(passwordRulesFor('example.com')).toBeNull();
    expect(passwordRulesFor('http://127.0.0.1:8080/')).toBeNull();
    expect(passwordRulesFor('localhost')).toBeNull();
    expect(passwordRulesFor('')).toBeNull();
    expect(passwordRulesFor('data:text/plain,hello')).toBeNull();
  });

  it('every entry of the file is reachable from its own host', () => {
    for (const host of Object.keys(quirks)) expect(passwordRulesFor(host)).toBe(entry(host));
  });
});
