/** Import screen words: problems by row and column, the summary sentence. */
import { describe, expect, it } from 'vitest';
import { problemText, summaryText } from '../../../components/import/import-text';

describe('problemText', () => {
  it('names the row and the column of a CSV, the item and the field of a JSON', () => {
    expect(problemText({ row: 5, column: 'login_password', problem: 'is longer than 4,096 characters, so the row was not imported', skipped: true }, 'row'))
      .toBe('Row 5, column “login_password”: is longer than 4,096 characters, so the row was not imported.');
    expect(problemText({ row: 3, column: 'type', problem: 'is an item type Sealpass does not know', skipped: true }, 'item'))
      .toBe('Item 3, field “type”: is an item type Sealpass does not know.');
    expect(problemText({ row: 4, problem: 'has 3 fields, but the header has 5', skipped: true }, 'row')).toBe('Row 4: has 3 fields, but the header has 5.');
  });
});

describe('summaryText', () => {
  it('says what was imported, replaced, skipped and not imported, leaving out zeros', () => {
    expect(summaryText({ added: 1, replaced: 0, skipped: 0, failed: 0, leftOut: 0 })).toBe('Imported 1 item.');
    expect(summaryText({ added: 10_000, replaced: 2, skipped: 1, failed: 3, leftOut: 0 })).toBe('Imported 10,002 items: 10,000 new, 2 replaced. Skipped 1 duplicate. 3 rows could not be imported.');
    expect(summaryText({ added: 0, replaced: 0, skipped: 2, failed: 1, leftOut: 0 })).toBe('Imported 0 items. Skipped 2 duplicates. 1 row could not be imported.');
    expect(summaryText({ added: 2, replaced: 0, skipped: 0, failed: 0, leftOut: 1 })).toBe('Imported 2 items. Left out 1 row that is not an item to import.');
  });
});
