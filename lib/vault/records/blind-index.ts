/**
 * Blind index of registrable domains: HMAC-SHA256(index key, domain), so the fill lookup finds items by
 * site without decrypting the vault, and the stored tags reveal nothing without the key.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { getDomain, getHostname } from 'tldts';
import { hmacSha256 } from '../../crypto/hmac-sha256';
import type { IndexKey } from '../../crypto/keys';

/**
 * The registrable domain ("eTLD+1", public suffix list via tldts) of a URL or host, lower-case; for IP
 * addresses and single-label hosts such as localhost, the host itself.
 * @returns `null` when the input has no host
 */
export function siteOf(url: string): string | null {
  // Only web addresses have a site; "about:", "data:" or "javascript:" URLs have none.
  // "host:8080" is a host with a port, not a scheme.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(url);
  if (hasScheme && !/^https?:\/\//i.test(url)) return null;
  const host = getHostname(hasScheme ? url : `https://${url}`);
  if (!host) return null;
  return (getDomain(host, { allowPrivateDomains: true }) ?? host).toLowerCase();
}

/** Tag for one site: 64 hex characters. */
export function domainTag(indexKey: IndexKey, site: string): string {
  return bytesToHex(hmacSha256(indexKey, `site:${site}`));
}

/** Deduplicated tags for every URL that has a host. */
export function domainTags(indexKey: IndexKey, urls: readonly string[]): string[] {
  const sites = new Set<string>();
  for (const url of urls) {
    const site = siteOf(url);
    if (site) sites.add(site);
  }
  return [...sites].map((site) => domainTag(indexKey, site));
}
