/**
 * For the import's duplicates table: whether an imported password equals the one of the login it would
 * replace. The existing passwords are read here, in the background, and never leave it; the page only
 * learns same or not.
 */
import type { VaultDb } from '../../db/vault-db';
import { getLiveRecord } from '../../vault/items/get-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { ItemContent } from '../../vault/model/item-schema';
import { openItem } from '../../vault/records/open-item';

/**
 * @param pairs - an existing item's id and the imported password for it (at most 50,000, checked by the message schema)
 * @returns per pair: `true` same password, `false` different (or the item is not a login), `null` when the
 *   item no longer exists or does not decrypt; each item is opened once however often it is named
 * @example await compareImportPasswords(db, vault, [{ id, password: 'pw' }]) // [true]
 */
export async function compareImportPasswords(
  db: VaultDb,
  vault: UnlockedVault,
  pairs: readonly { id: string; password: string }[],
): Promise<(boolean | null)[]> {
  const opened = new Map<string, ItemContent | null>();
  const answers: (boolean | null)[] = [];
  for (const { id, password } of pairs) {
    if (!opened.has(id)) {
      try {
        opened.set(id, openItem(vault, await getLiveRecord(db, id)));
      } catch {
        opened.set(id, null);
      }
    }
    const content = opened.get(id) ?? null;
    answers.push(content === null ? null : content.type === 'login' && content.password === password);
  }
  return answers;
}
