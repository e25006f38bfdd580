/** parseCredentialGroups: the quirks file's groups as a lookup table, and refusal of malformed data. */
import { describe, expect, it } from 'vitest';
import { parseCredentialGroups } from '../../../lib/autofill/background/parse-credential-groups';
import quirks from '../../../lib/quirks/shared-credentials.json';

describe('parseCredentialGroups', () => {
  it('"shared" groups go both ways; "from"/"to" only from → to; sites are registrable domains', () => {
    const groups = parseCredentialGroups([
      { shared: ['a.com', 'b.com', 'www.c.co.uk'] },
      { from: ['old.com'], to: ['new.com'], fromDomainsAreObsoleted: true },
    ]);
    expect([...(groups.get('a.com') ?? [])].sort()).toEqual(['b.com', 'c.co.uk']);
    expect([...(groups.get('c.co.uk') ?? [])].sort()).toEqual(['a.com', 'b.com']);
    expect([...(groups.get('new.com') ?? [])]).toEqual(['old.com']);
    expect(groups.get('old.com')).toBeUndefined();
  });

  it('reads the copied quirks file (every group with at least one pair)', () => {
    const groups = parseCredentialGroups(quirks);
    expect(groups.get('vons.com')?.has('safeway.com')).toBe(true);
    expect(groups.get('hosting.com')?.has('a2hosting.com')).toBe(true);
    expect(groups.size).toBeGreaterThan(100);
  });

  it.each([
    ['not an array', { shared: ['a.com'] }],
    ['an empty group', [{ shared: [] }]],
    ['a group of numbers', [{ shared: [1, 2] }]],
    ['"from" without "to"', [{ from: ['a.com'] }]],
  ])('refuses %s', (_label, raw) => {
    expect(() => parseCredentialGroups(raw)).toThrow();
  });
});
