/** column(): one zod check per column, each cell through a plain predicate (the sealed records' long columns). */
import { describe, expect, it } from 'vitest';
import { column, isInteger, isRev, isString, isTime } from '../../../lib/vault/records/column-schema';

describe('column', () => {
  it('accepts an array whose every cell passes, including an empty one', () => {
    expect(column(isString).parse(['a', ''])).toEqual(['a', '']);
    expect(column(isRev).parse([])).toEqual([]);
  });

  it.each([
    ['not an array', 'a'],
    ['an object with a length', { length: 0 }],
    ['one bad cell among good ones', ['a', 1, 'b']],
    ['a hole', ['a', undefined]],
  ])('refuses %s', (_name, value) => {
    expect(column(isString).safeParse(value).success).toBe(false);
  });

  it('the number predicates: integers, times (≥ 0) and revisions (≥ 1); no fractions, NaN or unsafe integers', () => {
    expect([1, 0, -1, 1.5, Number.NaN, 2 ** 53].map(isInteger)).toEqual([true, true, true, false, false, false]);
    expect([1, 0, -1, 1.5].map(isTime)).toEqual([true, true, false, false]);
    expect([1, 0, 2.5].map(isRev)).toEqual([true, false, false]);
  });
});
