/**
 * Whether a saved login URL may be offered on a page (S7, T17, T20). Exact origin by default; the same
 * registrable domain when the login opts in (`match: 'domain'`); the sites of a shared-credential group. An
 * https login is never offered on an http page; an http login may be offered on the https page of the same
 * host (the upgrade only adds protection).
 */
import { siteOf } from '../../vault/records/blind-index';
import type { CredentialGroups } from './parse-credential-groups';

/** How a login matched, best first: the exact origin, the same site (opt-in), a known group of sites. */
export type MatchKind = 'origin' | 'domain' | 'group';

/** "host:8080" is a host with a port, not a scheme (as in lib/vault/blind-index). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;

/** Parses an http(s) URL; a saved URL typed without a scheme counts as https. */
function webUrl(text: string, assumeHttps: boolean): URL | null {
  const spelled = !HAS_SCHEME.test(text) && assumeHttps ? `https://${text}` : text;
  try {
    const url = new URL(spelled);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * @param savedUrl - one of the login's URLs, as the user saved it
 * @param mode - the login's `match` field
 * @param pageUrl - the URL of the frame asking, as the browser reported it
 * @param groups - from parseCredentialGroups
 * @returns how it matches, or null when it must not be offered
 * @example matchLoginUrl('https://a.example.com', 'origin', 'https://b.example.com/', groups) // null
 */
export function matchLoginUrl(savedUrl: string, mode: 'origin' | 'domain', pageUrl: string, groups: CredentialGroups): MatchKind | null {
  const page = webUrl(pageUrl, false);
  const saved = webUrl(savedUrl.trim(), true);
  if (!page || !saved) return null;
  // T17: a login saved for https never goes to an http page, whatever else matches.
  if (saved.protocol === 'https:' && page.protocol === 'http:') return null;
  if (saved.origin === page.origin) return 'origin';
  if (saved.protocol === 'http:' && page.protocol === 'https:' && saved.hostname === page.hostname && saved.port === '' && page.port === '') {
    return 'origin';
  }
  const savedSite = siteOf(saved.href);
  const pageSite = siteOf(page.href);
  if (!savedSite || !pageSite) return null;
  if (mode === 'domain' && savedSite === pageSite) return 'domain';
  if (groups.get(pageSite)?.has(savedSite)) return 'group';
  return null;
}
