/** The unlock warning's sentences: one per problem, items and sharing records (T09) counted apart, never an id. */
import { describe, expect, it } from 'vitest';
import { integrityProblems } from '../../../components/app/IntegrityBanner';

const none = { missing: [], unexpected: [], rolledBack: [], quarantined: [] };

describe('integrityProblems', () => {
  it('an intact vault, with or without the sharing section: nothing to say', () => {
    expect(integrityProblems(none)).toEqual([]);
    expect(integrityProblems({ ...none, records: none })).toEqual([]);
  });

  it('T09 sharing records are counted apart from items, and no opaque key is shown', () => {
    const problems = integrityProblems({ ...none, quarantined: ['a'], records: { missing: ['contacts/c1'], unexpected: [], rolledBack: ['shares/x', 'shares/y'], quarantined: [] } });
    expect(problems).toEqual([
      '1 item could not be decrypted.',
      '1 sharing record is missing.',
      '2 sharing records were rolled back to older versions; they are not used.',
    ]);
    expect(problems.join(' ')).not.toContain('shares/');
  });
});
