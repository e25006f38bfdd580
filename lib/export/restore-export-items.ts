/**
 * Writes the items of an opened export into the vault through the import's one-transaction writer
 * (lib/vault/import-items): all of them or none. Items identical in every field to one already in the vault
 * are skipped, so restoring the same file twice does not double the vault.
 */
import type { VaultDb } from '../db/vault-db';
import { importItems } from '../vault/items/import-items';
import { itemContentSchema, type ItemContent } from '../vault/model/item-schema';
import { openLiveItems } from '../vault/items/open-live-items';
import type { UnlockedVault } from '../vault/keys/unlocked-vault';

/**
 * @param items - from readEncryptedExport (validated)
 * @param now - ms since epoch, for the audit event
 * @returns how many were added and how many were already there; duplicates inside the file are all added
 *   (two equal items in the exported vault stay two)
 * @throws ZodError / VaultError from importItems; nothing is written then
 * @example const { added, skipped } = await restoreExportItems(db, vault, items, Date.now());
 */
export async function restoreExportItems(db: VaultDb, vault: UnlockedVault, items: readonly ItemContent[], now: number): Promise<{ added: number; skipped: number }> {
  const { items: existing } = await openLiveItems(db, vault);
  const present = new Set(existing.map((item) => canonical(item.content)));
  const fresh = items.filter((content) => !present.has(canonical(content)));
  const { added } = await importItems(db, vault, fresh.map((content) => ({ content })), now);
  return { added: added.length, skipped: items.length - fresh.length };
}

/** One spelling per content: the schema fixes the key order and fills defaults. */
function canonical(content: ItemContent): string {
  return JSON.stringify(itemContentSchema.parse(content));
}
