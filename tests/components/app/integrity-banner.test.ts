/**
 * integrityProblems: one plain sentence per kind of problem, items, damaged overview buckets (issue 15) and
 * sharing records (T09) counted apart, never an id.
 */
import { describe, expect, it } from 'vitest';
import { integrityProblems } from '../../../components/app/IntegrityBanner';

const none = { missing: [], unexpected: [], rolledBack: [], quarantined: [] };
const clean = { ...none, damagedOverviews: [] };

describe('integrityProblems', () => {
  it('an intact vault, with or without the sharing section: nothing to say', () => {
    expect(integrityProblems(clean)).toEqual([]);
    expect(integrityProblems({ ...clean, records: none })).toEqual([]);
  });

  it('S8: damaged parts of the item list are reported, in the singular and the plural', () => {
    expect(integrityProblems({ ...clean, damagedOverviews: [3] })).toEqual(['Part of the item list was damaged; its items were read one by one.']);
    expect(integrityProblems({ ...clean, damagedOverviews: [3, 7] })).toEqual(['2 parts of the item list were damaged; their items were read one by one.']);
  });

  it('T09 sharing records are counted apart from items, and no opaque key is shown', () => {
    const problems = integrityProblems({ ...clean, quarantined: ['a'], records: { missing: ['contacts/c1'], unexpected: [], rolledBack: ['shares/x', 'shares/y'], quarantined: [] } });
    expect(problems).toEqual([
      '1 item could not be decrypted.',
      '1 sharing record is missing.',
      '2 sharing records were rolled back to older versions; they are not used.',
    ]);
    expect(problems.join(' ')).not.toContain('shares/');
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
