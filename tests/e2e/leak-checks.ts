/**
 * Searches storage dumps for plaintext a user typed (T07, T13, S1) and for key-like values in session storage
 * after lock (S4). Messages name the secret's label and the encoding found, never the value itself.
 */

/** Something typed into the UI that must never be stored in clear. */
export interface Secret {
  /** Shown in failure messages, e.g. `item A username`. */
  label: string;
  value: string;
}

/** One way a secret could sit in storage: as typed, or re-encoded by a careless writer. */
interface Needle {
  encoding: string;
  text: string;
  caseSensitive: boolean;
}

/**
 * The forms a secret is searched in: as typed (case-insensitive), hex of its UTF-8 bytes, and base64/base64url of
 * those bytes at all three byte alignments (only the characters the secret alone determines).
 */
export function secretNeedles(value: string): Needle[] {
  const bytes = Buffer.from(value, 'utf8');
  const needles: Needle[] = [
    { encoding: 'as typed', text: value, caseSensitive: false },
    { encoding: 'hex', text: bytes.toString('hex'), caseSensitive: false },
  ];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor((padded.length * 8) / 6);
    const base64 = padded.toString('base64').slice(start, end);
    needles.push({ encoding: `base64 (alignment ${offset})`, text: base64, caseSensitive: true });
    needles.push({ encoding: `base64url (alignment ${offset})`, text: padded.toString('base64url').slice(start, end), caseSensitive: true });
  }
  return needles.filter((needle, index, all) => all.findIndex((other) => other.text === needle.text) === index);
}

/**
 * Every secret found in the dump, as `label (encoding) in section "…"`. Empty means clean.
 * @example expect(findLeaks(await dumpExtensionStorage(context, id), secrets)).toEqual([]);
 */
export function findLeaks(dump: string, secrets: readonly Secret[]): string[] {
  const lowerDump = dump.toLowerCase();
  const found: string[] = [];
  for (const secret of secrets) {
    if (secret.value.length < 6) throw new Error(`Secret "${secret.label}" is too short to search for safely`);
    for (const needle of secretNeedles(secret.value)) {
      const at = needle.caseSensitive ? dump.indexOf(needle.text) : lowerDump.indexOf(needle.text.toLowerCase());
      if (at >= 0) found.push(`${secret.label} (${needle.encoding}) in section "${sectionAt(dump, at)}"`);
    }
  }
  return found;
}

/** The `=== …` / `--- …` header line above a position in a dump. */
function sectionAt(dump: string, position: number): string {
  const before = dump.slice(0, position);
  const header = Math.max(before.lastIndexOf('\n=== '), before.lastIndexOf('\n--- '), before.startsWith('=== ') ? 0 : -1);
  if (header < 0) return '(start)';
  const start = dump[header] === '\n' ? header + 1 : header;
  const lineEnd = dump.indexOf('\n', start);
  return dump.slice(start, lineEnd < 0 ? undefined : lineEnd);
}

const KEY_NAME = /key|secret|seed|token|master|passw|private|jwk|nonce|salt/i;
const BASE64_16_BYTES = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;
const HEX_16_BYTES = /^(?:[0-9a-f]{2}){16,}$/i;

/**
 * Paths of values that look like key material (S4): a property named like a key with a non-empty value, a
 * base64/hex string of 16 bytes or more, or 16+ numbers that are all bytes (an array, or a Uint8Array that
 * went through JSON as `{ "0": …, "1": … }`). Lengths are reported, values are not.
 */
export function findKeyLikeValues(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return BASE64_16_BYTES.test(trimmed) || HEX_16_BYTES.test(trimmed)
      ? [`${path}: base64/hex string of ${trimmed.length} characters`]
      : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item: unknown, index) => [String(index), item] as const) : Object.entries(value);
  const items = entries.map(([, item]) => item);
  if (items.length >= 16 && items.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 255)) {
    return [`${path}: ${items.length} byte values`];
  }
  const found: string[] = [];
  for (const [key, item] of entries) {
    const childPath = `${path}.${key}`;
    if (!Array.isArray(value) && KEY_NAME.test(key) && !isEmpty(item)) found.push(`${childPath}: key-like name with a value`);
    else found.push(...findKeyLikeValues(item, childPath));
  }
  return found;
}

/** null, undefined, false, '', [] and {} hold nothing. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
