/** integrityProblems: one plain sentence per kind of problem, the damaged overview buckets (issue 15) included. */
import { describe, expect, it } from 'vitest';
import { integrityProblems } from '../../../components/app/IntegrityBanner';

const clean = { missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] };

describe('integrityProblems', () => {
  it('an intact vault → no sentence', () => {
    expect(integrityProblems(clean)).toEqual([]);
  });

  it('S8: damaged parts of the item list are reported, in the singular and the plural', () => {
    expect(integrityProblems({ ...clean, damagedOverviews: [3] })).toEqual(['Part of the item list was damaged; its items were read one by one.']);
    expect(integrityProblems({ ...clean, damagedOverviews: [3, 7] })).toEqual(['2 parts of the item list were damaged; their items were read one by one.']);
  });

  it('every kind at once, in a fixed order, without ids', () => {
    const problems = integrityProblems({ missing: ['a'], unexpected: ['b', 'c'], rolledBack: ['d'], quarantined: ['e'], damagedOverviews: [1] });
    expect(problems).toEqual([
      '1 item is missing.',
      '2 unexpected items were found.',
      '1 item was rolled back to an older version.',
      '1 item could not be decrypted.',
      'Part of the item list was damaged; its items were read one by one.',
    ]);
  });
});
