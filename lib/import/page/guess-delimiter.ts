/** Guesses a CSV's delimiter as spreadsheets in different locales write them: comma, semicolon, tab or bar. */
import Papa from 'papaparse';

/**
 * papaparse's guess over the first 10 non-blank rows; blank lines are left out, since a trailing empty
 * line (one field) would otherwise spoil the guess for a short file.
 * @returns the delimiter; a comma when no other fits (a single column)
 * @example guessDelimiter('a;b\n1;2\n') // ';'
 */
export function guessDelimiter(text: string): string {
  const { meta } = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  return meta.delimiter || ',';
}
