/**
 * The owner's client applies an edit proposal that acceptIncoming allowed (a live grant with "edit", made
 * from the current version): the shared fields come from the proposal, the owner's private ones (folder,
 * tags, favourite, rotation period) stay, and update-item keeps the replaced password in the history.
 * The next push sends the result to every recipient as a new version.
 */
import type { VaultDb } from '../../db/vault-db';
import { getItem } from '../../vault/items/get-item';
import type { ItemContent, ItemInput } from '../../vault/model/item-schema';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { updateItem } from '../../vault/items/update-item';

/**
 * @param now - ms since epoch
 * @throws VaultError `not-found` (item deleted), `corrupted`, `invalid-request` (a type change)
 */
export async function applyProposedEdit(db: VaultDb, vault: UnlockedVault, itemId: string, proposed: ItemContent, now: number): Promise<void> {
  const { content: mine } = await getItem(db, vault, itemId);
  const kept = { folder: mine.folder, tags: mine.tags, favourite: mine.favourite };
  const input: ItemInput =
    proposed.type === 'login'
      ? {
          type: 'login',
          title: proposed.title,
          notes: proposed.notes,
          fields: proposed.fields,
          username: proposed.username,
          password: proposed.password,
          urls: proposed.urls,
          totp: proposed.totp,
          match: proposed.match,
          ...kept,
          ...(mine.type === 'login' && mine.rotationDays !== undefined ? { rotationDays: mine.rotationDays } : {}),
        }
      : { type: 'note', title: proposed.title, notes: proposed.notes, fields: proposed.fields, ...kept };
  await updateItem(db, vault, itemId, input, now);
}
