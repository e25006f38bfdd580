/** columnReader: columns by name without case or spaces; the first of repeated names; '' for a missing one. */
import { describe, expect, it } from 'vitest';
import { columnReader } from '../../../../lib/import/page/formats/column-reader';

describe('columnReader', () => {
  const read = columnReader([' Title ', 'URL', 'title', 'Notes']);

  it('finds a column by any of its names, ignoring case and spaces; the first of two wins', () => {
    expect(read.get(['a', 'b', 'c', 'd'], 'title')).toBe('a');
    expect(read.get(['a', 'b', 'c', 'd'], 'missing', 'notes')).toBe('d');
    expect(read.column('url')).toBe('URL');
  });

  it('gives "" and undefined for a column the file does not have', () => {
    expect(read.get(['a'], 'password')).toBe('');
    expect(read.column('password')).toBeUndefined();
  });
});
