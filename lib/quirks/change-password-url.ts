/**
 * "Change this password" links: Apple's `change-password-URLs.json` (password-manager-resources, MIT, see the
 * licence beside it), else the site's `/.well-known/change-password` (W3C "A Well-Known URL for Changing
 * Passwords"), which browsers and sites that support it redirect to the right page.
 */
import { getDomain, parse } from 'tldts';
import { z } from 'zod';
import quirks from './change-password-URLs.json';

/** The file's shape: host → absolute https URL. */
const quirksSchema = z.record(z.string(), z.url({ protocol: /^https$/ }).max(2_000));

let table: Map<string, string> | null = null;

/**
 * The change-password page for a saved login's address: the quirks entry of its host, else of each parent
 * domain down to its registrable domain (public suffix list via tldts), else `<origin>/.well-known/change-password`.
 *
 * @param url - a saved address (`https://login.example.com/signin`) or a bare host (`example.com`, read as https)
 * @returns an absolute http(s) URL, or `null` when `url` has no web host (`about:blank`, `file:…`, `not a url`)
 * @example changePasswordUrl('https://www.1800contacts.com/login'); // 'https://www.1800contacts.com/account/settings'
 * @example changePasswordUrl('http://127.0.0.1:8080/x'); // 'http://127.0.0.1:8080/.well-known/change-password'
 */
export function changePasswordUrl(url: string): string | null {
  const origin = webOrigin(url);
  if (origin === null) return null;
  const host = origin.hostname.replace(/\.$/, '');
  const site = parse(host).isIp ? host : (getDomain(host, { allowPrivateDomains: true }) ?? host);
  const urls = urlTable();
  let candidate = host;
  for (;;) {
    const found = urls.get(candidate);
    if (found !== undefined) return found;
    if (candidate === site || !candidate.includes('.')) break;
    candidate = candidate.slice(candidate.indexOf('.') + 1);
  }
  return `${origin.origin}/.well-known/change-password`;
}

/** The http(s) origin of an address; a bare host is read as https, as the item editor saves it. */
function webOrigin(text: string): URL | null {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return null;
  return url;
}

/** Parsed once per context; the committed file is validated like any other input. */
function urlTable(): Map<string, string> {
  table ??= new Map(Object.entries(quirksSchema.parse(quirks)).map(([host, link]) => [host.toLowerCase(), link]));
  return table;
}
