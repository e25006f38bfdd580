/** guessDelimiter: comma, semicolon, tab, bar; a comma for a single column; blank lines do not spoil a short file. */
import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../../lib/import/page/guess-delimiter';

describe('guessDelimiter', () => {
  it.each([['a,b\n1,2\n', ','], ['a;b\n1;2\n\n\n', ';'], ['a\tb\n', '\t'], ['a|b|c\n1|2|3', '|'], ['"x;y",z\n', ','], ['one\ncolumn\n', ',']])('%j → %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter);
  });
});
