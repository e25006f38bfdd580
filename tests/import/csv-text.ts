/** Builds small CSV files for tests: every cell quoted (RFC 4180), CRLF between records, UTF-8 bytes. */

/** @returns the UTF-8 bytes of `rows` as CSV */
export function buildCsv(rows: readonly (readonly string[])[], delimiter = ','): Uint8Array {
  const text = rows.map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(delimiter)).join('\r\n');
  return new TextEncoder().encode(`${text}\r\n`);
}
