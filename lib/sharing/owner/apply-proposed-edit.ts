/**
 * The owner's client applies an edit proposal that acceptIncoming allowed (a live grant with "edit", made
 * from the current version): the shared fields come from the proposal, the owner's private ones stay
 * (lib/vault/model/item-fields), and update-item keeps the replaced password in the history. The next push
 * sends the result to every recipient as a new version.
 */
import type { VaultDb } from '../../db/vault-db';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { getItem } from '../../vault/items/get-item';
import { updateItem } from '../../vault/items/update-item';
import { applySharedFields } from '../../vault/model/item-fields';
import type { ItemContent } from '../../vault/model/item-schema';

/**
 * @param now - ms since epoch
 * @throws VaultError `not-found` (item deleted), `corrupted`, `invalid-request` (a type change)
 */
export async function applyProposedEdit(db: VaultDb, vault: UnlockedVault, itemId: string, proposed: ItemContent, now: number): Promise<void> {
  const { content: mine } = await getItem(db, vault, itemId);
  await updateItem(db, vault, itemId, applySharedFields(mine, proposed), now);
}
