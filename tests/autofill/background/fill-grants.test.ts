/** FillGrants: one-time, short-lived, bound to a tab and (when known) a frame and a login (S3, T16). */
import { describe, expect, it } from 'vitest';
import { FILL_GRANT_TTL_MS, FillGrants } from '../../../lib/autofill/background/fill-grants';

const T = 1_700_000_000_000;

describe('FillGrants', () => {
  it('a grant is 32 hex characters, different every time, and works once', () => {
    const grants = new FillGrants();
    const a = grants.issue({ tabId: 1, frameId: 0, id: 'x' }, T);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(grants.issue({ tabId: 1, frameId: 0, id: 'x' }, T)).not.toBe(a);
    expect(grants.claim(a, { tabId: 1, frameId: 0, id: 'x' }, T + 1)).toBe(true);
    expect(grants.claim(a, { tabId: 1, frameId: 0, id: 'x' }, T + 2)).toBe(false);
  });

  it('bound to its tab, frame and login; null binds to any frame or any login', () => {
    const grants = new FillGrants();
    const claim = (scope: { frameId: number | null; id: string | null }, tabId: number, frameId: number, id: string) =>
      grants.claim(grants.issue({ tabId: 1, ...scope }, T), { tabId, frameId, id }, T);
    expect(claim({ frameId: 0, id: 'x' }, 2, 0, 'x')).toBe(false);
    expect(claim({ frameId: 0, id: 'x' }, 1, 3, 'x')).toBe(false);
    expect(claim({ frameId: 0, id: 'x' }, 1, 0, 'y')).toBe(false);
    expect(claim({ frameId: null, id: null }, 1, 3, 'y')).toBe(true);
  });

  it('a wrong claim uses the grant up too', () => {
    const grants = new FillGrants();
    const grant = grants.issue({ tabId: 1, frameId: 0, id: null }, T);
    expect(grants.claim(grant, { tabId: 1, frameId: 5, id: 'x' }, T)).toBe(false);
    expect(grants.claim(grant, { tabId: 1, frameId: 0, id: 'x' }, T)).toBe(false);
  });

  it(`expires after ${FILL_GRANT_TTL_MS} ms, and a clock that went back does not revive it`, () => {
    const grants = new FillGrants();
    const scope = { tabId: 1, frameId: 0, id: null };
    const claim = { tabId: 1, frameId: 0, id: 'x' };
    expect(grants.claim(grants.issue(scope, T), claim, T + FILL_GRANT_TTL_MS - 1)).toBe(true);
    expect(grants.claim(grants.issue(scope, T), claim, T + FILL_GRANT_TTL_MS)).toBe(false);
    expect(grants.claim(grants.issue(scope, T), claim, T - 1)).toBe(false);
    expect(grants.claim('f'.repeat(32), claim, T)).toBe(false);
  });
});
