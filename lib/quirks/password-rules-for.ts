/**
 * Per-site password rules from Apple's password-manager-resources (`password-rules.json`, MIT, see the
 * licence beside it). Background only: the JSON is about 63 KB and must never reach the content script.
 */
import { getDomain, getHostname } from 'tldts';
import { z } from 'zod';
import quirks from './password-rules.json';

/** The file's shape: host → `{ "password-rules": "<passwordrules syntax>" }`. */
const quirksSchema = z.record(z.string(), z.object({ 'password-rules': z.string().max(2_000) }));

let table: Map<string, string> | null = null;

/**
 * The quirks entry for a host: the host itself, else each parent domain down to its registrable domain
 * (public suffix list via tldts, private suffixes included), so `login.account.samsung.com` finds
 * `account.samsung.com` and `www.163.com` finds `163.com`. Never looks above the registrable domain.
 *
 * @param hostOrUrl - a host (`www.example.com`) or a web URL; case-insensitive; a trailing dot is ignored
 * @returns the entry's `passwordrules` text, or `null` when the site has none or the input has no host
 * @example passwordRulesFor('https://www.163.com/reg'); // 'minlength: 6; maxlength: 16;'
 */
export function passwordRulesFor(hostOrUrl: string): string | null {
  const host = (getHostname(hostOrUrl) ?? '').toLowerCase().replace(/\.$/, '');
  if (host === '') return null;
  const site = getDomain(host, { allowPrivateDomains: true }) ?? host;
  const rules = rulesTable();
  let candidate = host;
  for (;;) {
    const found = rules.get(candidate);
    if (found !== undefined) return found;
    if (candidate === site || !candidate.includes('.')) return null;
    candidate = candidate.slice(candidate.indexOf('.') + 1);
  }
}

/** Parsed once per background life; the committed file is validated like any other input. */
function rulesTable(): Map<string, string> {
  table ??= new Map(Object.entries(quirksSchema.parse(quirks)).map(([host, entry]) => [host.toLowerCase(), entry['password-rules']]));
  return table;
}
