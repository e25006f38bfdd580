/**
 * Fill lookup for shared-folder logins (issue 13): the logins of every folder this vault is an active member
 * of whose URLs are on the page's registrable domain, with fill ids `folder-<folderId><itemId>`, for autofill's
 * matcher to apply the same origin rules as to the vault's own logins (S7). A viewer can fill; an autofill-
 * only member too (the UI never shows them the password, the fill path needs it). Folder records are not in
 * the blind index: each lookup opens them (about 10 ms for a 1,000-item folder, tests/bench).
 */
import type { VaultDb } from '../../db/vault-db';
import { readIdentity } from '../../sharing/store/read-identity';
import { wipeIdentity } from '../../sharing/identity/wipe-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { Item } from '../../vault/model/item-schema';
import { siteOf } from '../../vault/records/blind-index';
import { accessEndedAt } from '../format/log/folder-state-queries';
import { loadFolders } from '../store/folder-records';
import { myFingerprint } from './my-fingerprint';

const PREFIX = 'folder-';
/** Longest fill id autofill's messages carry. */
const MAX_FILL_ID = 64;

/** The fill id of a folder item. */
export function folderFillId(folderId: string, itemId: string): string {
  return `${PREFIX}${folderId}${itemId}`;
}

/** The folder and item of a fill id, or null when it is not a folder item's. */
export function parseFolderFillId(id: string): { folderId: string; itemId: string } | null {
  if (!id.startsWith(PREFIX) || id.length <= PREFIX.length + 22) return null;
  return { folderId: id.slice(PREFIX.length, PREFIX.length + 22), itemId: id.slice(PREFIX.length + 22) };
}

/**
 * @param url - a page URL or a registrable domain (as find-items-by-site takes)
 * @param now - ms since epoch: a member whose access ended gets nothing, even before their next sync
 * @returns items with fill ids and the FULL content: for the background's fill path only
 */
export async function findFolderLogins(db: VaultDb, vault: UnlockedVault, url: string, now: number): Promise<Item[]> {
  const site = siteOf(url);
  if (!site || (await db.folders.count()) === 0) return [];
  const opened = await readIdentity(db, vault);
  if (!opened) return [];
  const mine = myFingerprint(opened.identity);
  wipeIdentity(opened.identity);
  const found: Item[] = [];
  for (const folder of (await loadFolders(db, vault)).records) {
    const member = Object.hasOwn(folder.state.members, mine) ? folder.state.members[mine] : undefined;
    if (folder.status !== 'member' || !member || accessEndedAt(member.accessEndsAt, now)) continue;
    for (const item of Object.values(folder.applied.items)) {
      const content = item.item;
      const id = folderFillId(folder.folderId, item.itemId);
      if (content?.type !== 'login' || id.length > MAX_FILL_ID || !content.urls.some((u) => siteOf(u) === site)) continue;
      found.push({ id, rev: item.rev, content });
    }
  }
  return found;
}
