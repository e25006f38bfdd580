/**
 * The opt-in online breach check (issue 17): Have I Been Pwned's k-anonymity range API, or a mirror that
 * speaks it. For each distinct 5-hex-digit prefix of the passwords' SHA-1 hashes, one
 * `GET <rangeUrl><PREFIX>` with `Add-Padding: true`; the answer lists `SUFFIX:COUNT` lines for every hash
 * with that prefix (35 hex digits each), padded with random suffixes of count 0 so its size says nothing.
 * Only the prefix leaves the machine: never a password, a full hash or which of the suffixes was ours.
 * Spec: https://haveibeenpwned.com/API/v3#SearchingPwnedPasswordsByRange
 */

/** Hex digits of SHA-1 sent: the range API's prefix. */
export const RANGE_PREFIX_HEX = 5;
/** Requests in flight at once, so a large vault neither floods the service nor takes all night. */
const CONCURRENCY = 4;
/** Largest answer read, in characters: a real one is about 40 KB; a mirror sending more is refused. */
const MAX_RANGE_CHARS = 4 * 1024 * 1024;
const LINE = /^([0-9A-F]{35}):(\d{1,12})$/;

/** What one check found, and what went wrong (in words safe to show). */
export interface RangeCheck {
  /** Upper-case 40-hex SHA-1 → how often the service saw it (only hashes with a count above 0). */
  counts: Map<string, number>;
  /** Distinct prefixes asked. */
  asked: number;
  /** Prefixes that could not be checked (network, refusal, unreadable answer). */
  failed: number;
  /** Why some failed; null when every prefix was checked. */
  error: string | null;
}

/** A check of one prefix that failed, with words safe to show. */
class RangeCheckError extends Error {
  override name = 'RangeCheckError';
}

/** The answers already fetched, by range URL and prefix: suffix → count. Kept by the caller while unlocked. */
export type RangeCache = Map<string, Map<string, number>>;

/**
 * @param hashes - upper-case 40-hex SHA-1 of each password (lib/vault/records/password-sha1); duplicates are fine
 * @param rangeUrl - e.g. `https://api.pwnedpasswords.com/range/` (a missing final "/" is added)
 * @param cache - earlier answers; filled here, so a prefix is asked once per cache
 * @param fetchFn - the global fetch unless a test passes another
 * @returns the breached hashes with their counts; failures are counted, never thrown
 * @example const { counts } = await checkPwnedRanges([passwordSha1('password')], DEFAULT_BREACH_RANGE_URL, new Map());
 */
export async function checkPwnedRanges(
  hashes: Iterable<string>,
  rangeUrl: string,
  cache: RangeCache,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<RangeCheck> {
  const base = rangeUrl.endsWith('/') ? rangeUrl : `${rangeUrl}/`;
  const byPrefix = new Map<string, Set<string>>();
  for (const hash of hashes) {
    const prefix = hash.slice(0, RANGE_PREFIX_HEX);
    let suffixes = byPrefix.get(prefix);
    if (!suffixes) byPrefix.set(prefix, (suffixes = new Set()));
    suffixes.add(hash.slice(RANGE_PREFIX_HEX));
  }
  const result: RangeCheck = { counts: new Map(), asked: byPrefix.size, failed: 0, error: null };
  const queue = [...byPrefix.keys()];
  const worker = async () => {
    for (let prefix = queue.shift(); prefix !== undefined; prefix = queue.shift()) {
      const key = `${base}${prefix}`;
      let answer = cache.get(key);
      if (answer === undefined) {
        try {
          answer = await fetchRange(fetchFn, key);
          cache.set(key, answer);
        } catch (error) {
          result.failed++;
          result.error ??= error instanceof RangeCheckError ? error.message : `${new URL(base).host} did not answer. Check the address, or try again later.`;
          continue;
        }
      }
      for (const suffix of byPrefix.get(prefix) ?? []) {
        const count = answer.get(suffix);
        if (count !== undefined && count > 0) result.counts.set(`${prefix}${suffix}`, count);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return result;
}

/** One range: suffix → count, padding (count 0) included. @throws RangeCheckError with words safe to show */
async function fetchRange(fetchFn: typeof fetch, url: string): Promise<Map<string, number>> {
  const host = new URL(url).host;
  const response = await fetchFn(url, {
    headers: { 'Add-Padding': 'true' },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
  });
  if (!response.ok) throw new RangeCheckError(`${host} refused the check (HTTP ${response.status}).`);
  const text = await response.text();
  if (text.length > MAX_RANGE_CHARS) throw new RangeCheckError(`${host} sent more than a range answer can hold.`);
  const answer = new Map<string, number>();
  let malformed = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().toUpperCase();
    if (line === '') continue;
    const match = LINE.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) malformed++;
    else answer.set(match[1], Number(match[2]));
  }
  // A service that answers something else (an error page with status 200) must not read as "not breached".
  if (malformed > 0 && answer.size === 0) throw new RangeCheckError(`${host} did not answer in the range format.`);
  return answer;
}
