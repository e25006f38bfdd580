/**
 * Reads a breach list the user loaded: one SHA-1 per line, full (40 hex) or a prefix (5..39 hex), optionally
 * followed by `:count` as in Have I Been Pwned's downloads (`HASH:count`). Blank lines and `#` comments are
 * skipped; anything else is counted as malformed and reported with its line number, never fatal.
 */
import type { BreachListSummary } from './health-report-schema';

/** Shortest prefix accepted, in hex digits: HIBP's k-anonymity ranges use 5. */
export const MIN_PREFIX_HEX = 5;
/** Full SHA-1 length in hex digits. */
export const SHA1_HEX = 40;
/** How many malformed line numbers are kept for the report. */
export const MAX_REPORTED_LINES = 20;

/** A parsed list, ready for lookups. */
export interface BreachList {
  /** Upper-case 40-hex hash → its count (null when the line had none). */
  hashes: Map<string, number | null>;
  /** Upper-case prefixes, grouped by length so a lookup slices each length once. */
  prefixes: Map<number, Set<string>>;
  summary: BreachListSummary;
}

const LINE = /^([0-9A-Fa-f]+)(?::(\d{1,15}))?$/;

/**
 * @param text - the file's text; any line ending (LF, CRLF, CR), a leading BOM, spaces around a line
 * @returns the hashes and prefixes with a summary (counts and the first malformed line numbers)
 * @example parseBreachList('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3861493\n7C4A8\n').summary
 * // { hashes: 1, prefixes: 1, malformed: 0, malformedLines: [] }
 */
export function parseBreachList(text: string): BreachList {
  const hashes = new Map<string, number | null>();
  const prefixes = new Map<number, Set<string>>();
  let prefixCount = 0;
  let malformed = 0;
  const malformedLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    const hex = match?.[1]?.toUpperCase();
    if (!match || hex === undefined || hex.length < MIN_PREFIX_HEX || hex.length > SHA1_HEX) {
      malformed++;
      if (malformedLines.length < MAX_REPORTED_LINES) malformedLines.push(index + 1);
      return;
    }
    if (hex.length === SHA1_HEX) {
      const count = match[2] === undefined ? null : Number(match[2]);
      const previous = hashes.get(hex);
      // A hash listed twice keeps its larger count.
      hashes.set(hex, count === null ? (previous ?? null) : Math.max(count, previous ?? 0));
      return;
    }
    let set = prefixes.get(hex.length);
    if (!set) prefixes.set(hex.length, (set = new Set()));
    if (!set.has(hex)) {
      set.add(hex);
      prefixCount++;
    }
  });
  return { hashes, prefixes, summary: { hashes: hashes.size, prefixes: prefixCount, malformed, malformedLines } };
}
