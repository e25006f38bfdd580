/**
 * The logins to offer on a page, found through the vault's blind index (no decrypt-all): the page's own
 * site and every site of its shared-credential groups are looked up, then each login's URLs are checked
 * with the matching rules (exact origin by default, T17, T20). Accepted, unexpired received shares count too.
 */
import type { VaultDb } from '../../db/vault-db';
import { findReceivedBySite } from '../../sharing/recipient/find-received-by-site';
import { siteOf } from '../../vault/records/blind-index';
import { findItemsBySite } from '../../vault/items/find-items-by-site';
import type { Item, ItemContent } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { matchLoginUrl, type MatchKind } from './match-login-url';
import type { CredentialGroups } from './parse-credential-groups';

/** A decrypted login that may be offered, and how it matched. */
export interface LoginMatch {
  id: string;
  content: Extract<ItemContent, { type: 'login' }>;
  kind: MatchKind;
}

/** Logins another feature offers for a registrable domain (full content, for the fill path only). */
export type MoreLogins = (vault: UnlockedVault, site: string) => Promise<Item[]>;

const RANK: Record<MatchKind, number> = { origin: 0, domain: 1, group: 2 };

/**
 * @param pageUrl - the asking frame's URL, from the browser's sender information
 * @param now - ms since epoch; received shares past their expiry are never offered
 * @param more - other logins to offer under the same rules (shared folders', from the composition root)
 * @returns matches, best kind first, then by title and username
 */
export async function findLoginMatches(db: VaultDb, vault: UnlockedVault, pageUrl: string, groups: CredentialGroups, now: number, more?: MoreLogins): Promise<LoginMatch[]> {
  const site = siteOf(pageUrl);
  if (!site || !/^https?:\/\//i.test(pageUrl)) return [];
  const matches = new Map<string, LoginMatch>();
  for (const lookup of [site, ...(groups.get(site) ?? [])]) {
    // Received shares are offered like the vault's own logins, under the same matching rules.
    const found = [...(await findItemsBySite(db, vault, lookup)), ...(await findReceivedBySite(db, vault, lookup, now)), ...(more ? await more(vault, lookup) : [])];
    for (const item of found) {
      if (matches.has(item.id)) continue;
      const match = bestMatch(item, pageUrl, groups);
      if (match) matches.set(item.id, match);
    }
  }
  return [...matches.values()].sort(
    (a, b) => RANK[a.kind] - RANK[b.kind] || a.content.title.localeCompare(b.content.title) || a.content.username.localeCompare(b.content.username),
  );
}

/** The best way any of a login's URLs matches the page, or null. */
function bestMatch(item: Item, pageUrl: string, groups: CredentialGroups): LoginMatch | null {
  const content = item.content;
  if (content.type !== 'login') return null;
  let kind: MatchKind | null = null;
  for (const url of content.urls) {
    const found = matchLoginUrl(url, content.match, pageUrl, groups);
    if (found && (kind === null || RANK[found] < RANK[kind])) kind = found;
  }
  return kind ? { id: item.id, content, kind } : null;
}
