/** parseBreachList: full SHA-1 hashes, prefixes of 5..39 hex, HIBP `HASH:count` lines; malformed lines counted and reported by number. */
import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_LINES, parseBreachList } from '../../lib/health/parse-breach-list';

const PASSWORD_SHA1 = '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8';

describe('parseBreachList', () => {
  it('reads full hashes (any case) with and without a HIBP count', () => {
    const list = parseBreachList(`${PASSWORD_SHA1}:3861493\nf3bbbd66a63d4bf1747940578ec3d0103530e21d\n`);
    expect(list.hashes).toEqual(new Map([[PASSWORD_SHA1, 3861493], ['F3BBBD66A63D4BF1747940578EC3D0103530E21D', null]]));
    expect(list.summary).toEqual({ hashes: 2, prefixes: 0, malformed: 0, malformedLines: [] });
  });

  it('reads prefixes of 5..39 hex, grouped by length and de-duplicated; a count on a prefix is ignored', () => {
    const list = parseBreachList('5baa6\n5BAA6\n5BAA61E4C9:12\n21BD12DC183F740EE76F27B78EB39C8AD972A75\n');
    expect(list.prefixes).toEqual(new Map([
      [5, new Set(['5BAA6'])],
      [10, new Set(['5BAA61E4C9'])],
      [39, new Set(['21BD12DC183F740EE76F27B78EB39C8AD972A75'])],
    ]));
    expect(list.summary).toEqual({ hashes: 0, prefixes: 3, malformed: 0, malformedLines: [] });
  });

  it('skips blank lines and # comments; accepts a BOM, CRLF, CR and surrounding spaces', () => {
    const list = parseBreachList(`\uFEFF# leaked 2024\r\n\r\n  ${PASSWORD_SHA1}:2  \r7C4A8\n`);
    expect(list.summary).toEqual({ hashes: 1, prefixes: 1, malformed: 0, malformedLines: [] });
  });

  it('a hash listed twice keeps the larger count', () => {
    const list = parseBreachList(`${PASSWORD_SHA1}:5\n${PASSWORD_SHA1}\n${PASSWORD_SHA1}:9\n${PASSWORD_SHA1}:1`);
    expect(list.hashes.get(PASSWORD_SHA1)).toBe(9);
    expect(list.summary.hashes).toBe(1);
  });

  it('counts malformed lines and names them (1-based), keeping every good line', () => {
    const text = [
      PASSWORD_SHA1, // 1 ok
      '5BAA', // 2 too short
      `${PASSWORD_SHA1}0`, // 3 too long (41)
      'not-a-hash', // 4
      `${PASSWORD_SHA1}:many`, // 5 bad count
      `${PASSWORD_SHA1}:`, // 6 empty count
      'password', // 7 a clear password is not a hash
      '7C4A8D09CA3762AF61E59520943DC26494F8941B:1', // 8 ok
      'G'.repeat(40), // 9 not hex
      `${PASSWORD_SHA1} 12`, // 10 space instead of colon
    ].join('\n');
    const list = parseBreachList(text);
    expect(list.summary).toEqual({ hashes: 2, prefixes: 0, malformed: 8, malformedLines: [2, 3, 4, 5, 6, 7, 9, 10] });
  });

  it(`reports at most ${MAX_REPORTED_LINES} line numbers but counts them all`, () => {
    const list = parseBreachList(Array.from({ length: 50 }, () => 'x').join('\n'));
    expect(list.summary.malformed).toBe(50);
    expect(list.summary.malformedLines).toEqual(Array.from({ length: MAX_REPORTED_LINES }, (_, i) => i + 1));
  });

  it('an empty file, or one of another kind, gives an empty list with its lines counted as malformed', () => {
    expect(parseBreachList('').summary).toEqual({ hashes: 0, prefixes: 0, malformed: 0, malformedLines: [] });
    expect(parseBreachList('name,password\nalice,hunter2\n').summary).toEqual({ hashes: 0, prefixes: 0, malformed: 2, malformedLines: [1, 2] });
  });
});
