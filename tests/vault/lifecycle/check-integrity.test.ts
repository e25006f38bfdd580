/** checkIntegrity: manifest against stored records (T09): missing, unexpected, rolled back. */
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../lib/vault/lifecycle/check-integrity';

describe('checkIntegrity', () => {
  it('matching manifest and records → an empty report', () => {
    expect(checkIntegrity(new Map([['a', 1], ['b', 3]]), [{ id: 'b', rev: 3 }, { id: 'a', rev: 1 }]))
      .toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] });
  });

  it('T09: a dropped record → missing', () => {
    expect(checkIntegrity(new Map([['a', 1], ['b', 1]]), [{ id: 'a', rev: 1 }]).missing).toEqual(['b']);
  });

  it('T09: a record the manifest does not list → unexpected', () => {
    expect(checkIntegrity(new Map([['a', 1]]), [{ id: 'a', rev: 1 }, { id: 'x', rev: 1 }]).unexpected).toEqual(['x']);
  });

  it('T09: an older revision → rolledBack; a newer one too (any mismatch)', () => {
    const report = checkIntegrity(new Map([['a', 5], ['b', 5]]), [{ id: 'a', rev: 4 }, { id: 'b', rev: 6 }]);
    expect(report.rolledBack).toEqual(['a', 'b']);
    expect(report.missing).toEqual([]);
  });

  it('reports several problems at once and leaves quarantined for the caller', () => {
    const report = checkIntegrity(new Map([['a', 1], ['b', 2], ['c', 1]]), [{ id: 'b', rev: 1 }, { id: 'd', rev: 1 }, { id: 'c', rev: 1 }]);
    expect(report).toEqual({ missing: ['a'], unexpected: ['d'], rolledBack: ['b'], quarantined: [], damagedOverviews: [] });
  });

  it('empty vault → empty report', () => {
    expect(checkIntegrity(new Map(), [])).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] });
  });
});
